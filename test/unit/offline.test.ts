import { describe, expect, it } from 'vitest';
import { conflictRows } from '../../web/src/offline/conflicts.js';
import { isReadableOffline } from '../../web/src/offline/readable.js';

describe('what differs between a change made offline and the server\'s record', () => {
  const server = {
    id: 'r1', version: 3, status: 'draft',
    entries: [
      { obligationId: 'c1', status: 'done', percentComplete: 100, narrative: 'Зроблено колегою.', indicatorActuals: [{ indicatorId: 'i1', value: 4 }], evidence: [] },
      { obligationId: 'c2', status: 'in_progress', percentComplete: 40, indicatorActuals: [] },
    ],
  };

  it('compares only what the change sets, matching entries by obligation and actuals by indicator, not by position', () => {
    const change = { entries: [
      { obligationId: 'c2', status: 'in_progress', percentComplete: 60, narrative: 'Заповнено в селі без зв’язку.', indicatorActuals: [] },
      { obligationId: 'c1', status: 'done', percentComplete: 100, narrative: 'Зроблено колегою.', indicatorActuals: [{ indicatorId: 'i1', value: 5 }] },
    ] };
    expect(conflictRows(change, server)).toEqual([
      { path: ['entries', 'c2', 'percentComplete'], mine: 60, theirs: 40 },
      { path: ['entries', 'c2', 'narrative'], mine: 'Заповнено в селі без зв’язку.', theirs: undefined },
      { path: ['entries', 'c1', 'indicatorActuals', 'i1', 'value'], mine: 5, theirs: 4 },
    ]);
  });

  it('finds nothing when the server already holds the change (a write that landed before its answer was lost)', () => {
    expect(conflictRows({ entries: [{ obligationId: 'c2', status: 'in_progress', percentComplete: 40, indicatorActuals: [] }] }, server)).toEqual([]);
  });

  it('compares nested counts such as an event\'s attendance', () => {
    const event = { status: 'held', attended: { total: 30, byGender: { female: 18, male: 12 } } };
    expect(conflictRows({ status: 'held', attended: { total: 32, byGender: { female: 18, male: 14 } } }, event)).toEqual([
      { path: ['attended', 'total'], mine: 32, theirs: 30 },
      { path: ['attended', 'byGender', 'male'], mine: 14, theirs: 12 },
    ]);
  });
});

describe('the reads kept on the device', () => {
  it('are the field\'s records and lists, never case records, network members, spending or user lists', () => {
    const kept = ['/me', '/memoranda?status=active&limit=100', '/memoranda/M1', '/memoranda/M1/events?from=2026-11-01&to=2026-11-30', '/memoranda/M1/reports/R1',
      '/commitments?limit=100', '/partner-commitments?overdue=true', '/reports?limit=50', '/reviews?limit=50', '/organisations/O1',
      '/programmes?limit=25', '/programmes/P1', '/programmes/P1/activities?from=2026-12-01&to=2026-12-31', '/programmes/P1/dashboard'];
    const notKept = ['/programmes/P1/cases', '/programmes/P1/network', '/programmes/P1/spending', '/programmes/P1/tallies', '/organisations/O1/users?limit=100',
      '/memoranda/M1/revisions', '/memoranda/M1/documents/final', '/memoranda/M1/reports/R1/evidence/E1', '/organisations', '/memoranda/M1/audit/verify'];
    expect(kept.filter((path) => !isReadableOffline(path))).toEqual([]);
    expect(notKept.filter(isReadableOffline)).toEqual([]);
  });
});
