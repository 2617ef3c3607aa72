import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../infra/local/seed.js';
import { call, demoUser } from '../support/api.js';
import { createActiveMemorandum } from '../support/memoranda.js';

const council = demoUser('council');
const coordinator = demoUser('coordinator');

interface Commitment {
  memorandumId: string;
  obligationId: string;
  ownerOrgId: string;
  memorandumTitle: { uk?: string };
  status: string;
  percentComplete: number;
  dueDate?: string;
  nextDueDate?: string;
  overdue: boolean;
}

describe('my commitments', () => {
  it('lists the obligations my organisation took on in signed memoranda', async () => {
    const active = await createActiveMemorandum();
    const council5 = await call<{ items: Commitment[] }>('GET', `/api/commitments?memorandumId=${active.id}&limit=100`, { as: council });
    expect(council5.status).toBe(200);
    expect(council5.body.items.map((item) => item.obligationId).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(council5.body.items.every((item) => item.ownerOrgId === demoOrganisations.molochanskCouncil && item.status === 'not_started' && item.percentComplete === 0 && !item.overdue)).toBe(true);
    expect(council5.body.items[0]?.memorandumTitle.uk).toContain('Меморандум про співпрацю');

    const ngo4 = await call<{ items: Commitment[] }>('GET', `/api/commitments?memorandumId=${active.id}`, { as: coordinator });
    expect(ngo4.body.items.map((item) => item.obligationId).sort()).toEqual(['n1', 'n2', 'n3', 'n4']);

    const view = await call<{ obligations: Commitment[] }>('GET', `/api/memoranda/${active.id}`, { as: council });
    expect(view.body.obligations).toHaveLength(9);
  });

  it('filters by status and by due window, and refuses bad filters with the field named', async () => {
    await createActiveMemorandum();
    // Other test files share the stack and may have accepted reports: assert on what the filter lets through.
    const all = await call<{ items: Commitment[] }>('GET', '/api/commitments?limit=100', { as: council });
    const done = await call<{ items: Commitment[] }>('GET', '/api/commitments?status=done&limit=100', { as: council });
    expect(done.body.items.every((item) => item.status === 'done')).toBe(true);
    expect(done.body.items.length).toBeLessThan(all.body.items.length);
    const dated = await call<{ items: Commitment[] }>('GET', '/api/commitments?dueBefore=2030-01-01&limit=100', { as: council });
    expect(dated.body.items.every((item) => item.dueDate !== undefined && item.dueDate <= '2030-01-01')).toBe(true);
    expect(dated.body.items.length).toBeLessThan(all.body.items.length);
    const bad = await call<{ errors: { path: string }[] }>('GET', '/api/commitments?status=finished&dueBefore=tomorrow', { as: council });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.path).sort()).toEqual(['query.dueBefore', 'query.status']);
  });
});
