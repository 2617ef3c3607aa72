import { describe, expect, it } from 'vitest';
import { noticesFor } from '../../functions/memoranda/notifications.js';
import type { Memorandum } from '../../functions/memoranda/schema.js';

const memorandum = {
  id: 'M1',
  content: {
    title: { uk: 'Меморандум', en: 'Memorandum' },
    parties: [
      { orgId: 'A', role: { en: 'NGO' }, approverUserId: 'approver-a', signatoryUserId: 'signatory-a' },
      { orgId: 'B', role: { en: 'Council' }, approverUserId: 'approver-b', signatoryUserId: 'signatory-b' },
    ],
  },
  signedBy: ['B'],
} as unknown as Memorandum;
const events = [
  { action: 'created', actor: { userId: 'creator', orgId: 'A' } },
  { action: 'submitted', actor: { userId: 'submitter', orgId: 'A' } },
];

describe('who is told after each step', () => {
  it.each([
    ['submitted', ['approver-a', 'approver-b']],
    ['returned', ['submitter']],
    ['approved_by_all', ['signatory-a', 'signatory-b']],
    ['signed', ['signatory-a', 'submitter']],
    ['signed_by_all', ['approver-a', 'approver-b', 'signatory-a', 'signatory-b', 'submitter']],
    ['approved', []],
    ['edited', []],
  ])('%s → %j', (action, userIds) => {
    expect(noticesFor(action, memorandum, events, 'https://pakt.example.org/memoranda/M1').flatMap((notice) => notice.userIds)).toEqual(userIds);
  });

  it('writes in Ukrainian and English with the title and a link', () => {
    const [notice] = noticesFor('submitted', memorandum, events, 'https://pakt.example.org/memoranda/M1');
    expect(notice?.subject).toBe('Pakt: меморандум чекає на ваше погодження · a memorandum awaits your approval');
    expect(notice?.text).toContain('«Меморандум»');
    expect(notice?.text).toContain('https://pakt.example.org/memoranda/M1');
  });

  it('falls back to the creator when nobody has submitted yet', () => {
    expect(noticesFor('returned', memorandum, events.slice(0, 1), 'x')[0]?.userIds).toEqual(['creator']);
  });
});
