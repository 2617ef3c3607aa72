import { describe, expect, it } from 'vitest';
import { viewerAddress } from '../../functions/core/viewer.js';

/** The event shapes API Gateway hands the functions, direct and through the web distribution. */
const event = (headers: Record<string, string>) => ({ headers, requestContext: { http: { sourceIp: '130.176.1.10' } } }) as Parameters<typeof viewerAddress>[0];
const secret = 'edge-secret-of-this-stage';

describe('the caller\'s address', () => {
  it.each([
    ['through the distribution: the viewer\'s address', { 'x-pakt-edge': secret, 'x-pakt-viewer-address': '203.0.113.7' }, secret, '203.0.113.7'],
    ['through the distribution, IPv6', { 'x-pakt-edge': secret, 'x-pakt-viewer-address': '2001:db8::7' }, secret, '2001:db8::7'],
    ['straight to the API: the source address', {}, secret, '130.176.1.10'],
    ['a claimed address without the secret', { 'x-pakt-viewer-address': '203.0.113.7' }, secret, '130.176.1.10'],
    ['a claimed address with a wrong secret', { 'x-pakt-edge': 'guess', 'x-pakt-viewer-address': '203.0.113.7' }, secret, '130.176.1.10'],
    ['a claim that is no address', { 'x-pakt-edge': secret, 'x-pakt-viewer-address': '<script>' }, secret, '130.176.1.10'],
    ['no distribution configured', { 'x-pakt-edge': secret, 'x-pakt-viewer-address': '203.0.113.7' }, undefined, '130.176.1.10'],
  ])('%s', (_case, headers, configured, address) => {
    expect(viewerAddress(event(headers), configured)).toBe(address);
  });
});
