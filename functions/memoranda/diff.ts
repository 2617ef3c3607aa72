import type { MemorandumContent, SectionDiff } from './schema.js';
import { canonicalJson } from './audit-chain.js';

/**
 * A readable comparison of two revisions: per section, which items were added,
 * removed or changed (matched by id; parties by organisation), with the text
 * before and after. The SPA shows it side by side.
 */
type Keyed = { key: string; value: unknown };

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

const compareLists = (before: Keyed[], after: Keyed[]): SectionDiff['changes'] => {
  const beforeByKey = new Map(before.map((item) => [item.key, item.value]));
  const afterByKey = new Map(after.map((item) => [item.key, item.value]));
  const changes: SectionDiff['changes'] = [];
  for (const { key, value } of before) {
    if (!afterByKey.has(key)) changes.push({ kind: 'removed', id: key, before: value });
    else if (!same(value, afterByKey.get(key))) changes.push({ kind: 'changed', id: key, before: value, after: afterByKey.get(key) });
  }
  for (const { key, value } of after) if (!beforeByKey.has(key)) changes.push({ kind: 'added', id: key, after: value });
  return changes;
};

const single = (key: string, before: unknown, after: unknown): SectionDiff['changes'] => (same(before, after) ? [] : [{ kind: 'changed', id: key, before, after }]);

export const diffContents = (before: MemorandumContent, after: MemorandumContent): SectionDiff[] => {
  const sections: SectionDiff[] = [
    { section: 'title', changes: single('title', before.title, after.title) },
    { section: 'term', changes: single('term', before.term, after.term) },
    { section: 'parties', changes: compareLists(before.parties.map((party) => ({ key: party.orgId, value: party })), after.parties.map((party) => ({ key: party.orgId, value: party }))) },
    { section: 'purposes', changes: compareLists(before.purposes.map((item) => ({ key: item.id, value: item })), after.purposes.map((item) => ({ key: item.id, value: item }))) },
    { section: 'areas', changes: compareLists(before.areas.map((item) => ({ key: item.id, value: item })), after.areas.map((item) => ({ key: item.id, value: item }))) },
    { section: 'obligations', changes: compareLists(before.obligations.map((item) => ({ key: item.id, value: item })), after.obligations.map((item) => ({ key: item.id, value: item }))) },
  ];
  return sections.filter((section) => section.changes.length > 0);
};
