import { describe, expect, it } from 'vitest';
import { contentProblems, partyStatesFor, submissionProblems } from '../../functions/memoranda/model.js';
import type { MemorandumContent } from '../../functions/memoranda/schema.js';

const ngo = '01J00000000000000000000001';
const council = '01J00000000000000000000002';

const content = (change: Partial<MemorandumContent> = {}): MemorandumContent => ({
  title: { en: 'Memorandum' },
  term: { start: '2026-01-01', end: '2026-12-31' },
  parties: [{ orgId: ngo, role: { en: 'NGO' } }, { orgId: council, role: { en: 'Council' } }],
  purposes: [{ id: 'p1', text: { en: 'Purpose' } }],
  areas: [{ id: 'a1', text: { en: 'Area' } }],
  obligations: [{ id: 'o1', partyOrgId: council, text: { en: 'Obligation' }, indicators: [{ id: 'i1', name: { en: 'Events' }, unit: 'events', baseline: 0, target: 4 }] }],
  ...change,
});

describe('draft consistency', () => {
  it('accepts a consistent draft', () => {
    expect(contentProblems(content(), ngo)).toEqual([]);
  });

  it.each([
    ['the drafting organisation is not a party', content(), council + 'X', 'body.content.parties'],
    ['a party appears twice', content({ parties: [{ orgId: ngo, role: { en: 'NGO' } }, { orgId: ngo, role: { en: 'Again' } }] }), ngo, 'body.content.parties.1.orgId'],
    ['the term ends before it starts', content({ term: { start: '2026-05-01', end: '2026-04-30' } }), ngo, 'body.content.term.end'],
    ['two areas share an id', content({ areas: [{ id: 'a1', text: { en: 'A' } }, { id: 'a1', text: { en: 'B' } }] }), ngo, 'body.content.areas.1.id'],
    ['an obligation belongs to a non-party', content({ obligations: [{ id: 'o1', partyOrgId: '01J00000000000000000000009', text: { en: 'X' } }] }), ngo, 'body.content.obligations.0.partyOrgId'],
    [
      'two indicators of an obligation share an id',
      content({ obligations: [{ id: 'o1', partyOrgId: ngo, text: { en: 'X' }, indicators: [{ id: 'i', name: { en: 'a' }, unit: 'u', baseline: 0, target: 1 }, { id: 'i', name: { en: 'b' }, unit: 'u', baseline: 0, target: 1 }] }] }),
      ngo,
      'body.content.obligations.0.indicators.1.id',
    ],
  ])('names the field when %s', (_case, draft, draftingOrgId, path) => {
    expect(contentProblems(draft, draftingOrgId).map((problem) => problem.path)).toContain(path);
  });

  it('accepts an open-ended term', () => {
    expect(contentProblems(content({ term: { start: '2026-01-01', end: null } }), ngo)).toEqual([]);
  });
});

describe('submission', () => {
  it('needs an approver and a signatory for every party', () => {
    expect(submissionProblems(content()).map((problem) => problem.path)).toEqual([
      'content.parties.0.approverUserId', 'content.parties.0.signatoryUserId', 'content.parties.1.approverUserId', 'content.parties.1.signatoryUserId',
    ]);
  });

  it('keeps each remaining party\'s approval and starts new parties as pending', () => {
    expect(partyStatesFor(content(), [{ orgId: ngo, approval: 'approved' }, { orgId: 'gone', approval: 'pending' }])).toEqual([
      { orgId: ngo, approval: 'approved' },
      { orgId: council, approval: 'pending' },
    ]);
  });
});
