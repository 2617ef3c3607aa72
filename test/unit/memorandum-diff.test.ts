import { describe, expect, it } from 'vitest';
import { diffContents } from '../../functions/memoranda/diff.js';
import type { MemorandumContent } from '../../functions/memoranda/schema.js';

const base: MemorandumContent = {
  title: { en: 'Memorandum of cooperation' },
  term: { start: '2026-01-01', end: null },
  parties: [
    { orgId: '01J00000000000000000000001', role: { en: 'NGO' } },
    { orgId: '01J00000000000000000000002', role: { en: 'City Council' } },
  ],
  purposes: [{ id: 'p1', text: { en: 'Facilitate the release of civilians' } }],
  areas: [{ id: 'a1', text: { en: 'Information campaigns' } }, { id: 'a2', text: { en: 'Support for families' } }],
  obligations: [{ id: 'o1', partyOrgId: '01J00000000000000000000002', text: { en: 'Organizes press conferences' } }],
};

describe('revision diff', () => {
  it('is empty for identical revisions', () => {
    expect(diffContents(base, structuredClone(base))).toEqual([]);
  });

  it('reports added, removed and changed items per section by id', () => {
    const next: MemorandumContent = {
      ...base,
      areas: [{ id: 'a1', text: { en: 'Information campaigns and public actions' } }, { id: 'a3', text: { en: 'Documentation of war crimes' } }],
      obligations: [...base.obligations, { id: 'o2', partyOrgId: '01J00000000000000000000001', text: { uk: 'Надає допомогу' } }],
    };
    expect(diffContents(base, next)).toEqual([
      {
        section: 'areas',
        changes: [
          { kind: 'changed', id: 'a1', before: base.areas[0], after: next.areas[0] },
          { kind: 'removed', id: 'a2', before: base.areas[1] },
          { kind: 'added', id: 'a3', after: next.areas[1] },
        ],
      },
      { section: 'obligations', changes: [{ kind: 'added', id: 'o2', after: next.obligations[1] }] },
    ]);
  });

  it('matches parties by organisation and reports title and term changes', () => {
    const next: MemorandumContent = { ...base, title: { en: 'Memorandum', uk: 'Меморандум' }, term: { start: '2026-02-01', end: '2027-01-31' }, parties: [base.parties[1], base.parties[0]].flatMap((party) => (party ? [party] : [])) };
    expect(diffContents(base, next).map((section) => section.section)).toEqual(['title', 'term']);
  });
});
