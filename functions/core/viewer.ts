import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The address of the person calling. Through the web distribution `/api` reaches API
 * Gateway from CloudFront, whose edge address API Gateway records as the source; the
 * distribution's viewer-request function passes the viewer's address on in
 * `x-pakt-viewer-address`, and its origin adds `x-pakt-edge` with a secret only it and
 * the API know. The header is believed only with that secret, so a caller of the API's
 * own endpoint cannot claim another address.
 */
export const edgeHeaders = { secret: 'x-pakt-edge', viewerAddress: 'x-pakt-viewer-address' } as const;

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const ipAddress = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]{2,39})$/;

/**
 * Whether a request came through the web distribution: where the API is deployed
 * behind it, its own execute-api endpoint must answer nothing, or WAF and the
 * security headers could be bypassed.
 */
export const cameThroughEdge = (event: Pick<APIGatewayProxyEventV2, 'headers'>, edgeSecret: string | undefined): boolean =>
  edgeSecret === undefined || sameSecret(event.headers?.[edgeHeaders.secret] ?? '', edgeSecret);

export const viewerAddress = (event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>, edgeSecret: string | undefined): string => {
  const claimed = event.headers?.[edgeHeaders.viewerAddress]?.trim();
  const secret = event.headers?.[edgeHeaders.secret];
  if (edgeSecret && secret && claimed && sameSecret(secret, edgeSecret) && ipAddress.test(claimed)) return claimed;
  return event.requestContext.http.sourceIp;
};
