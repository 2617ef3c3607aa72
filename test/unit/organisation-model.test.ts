import { describe, expect, it } from 'vitest';
import { applyOrganisationPatch, newOrganisation } from '../../functions/organisations/model.js';

const created = newOrganisation({ name: { uk: 'Рада', en: 'Council' }, type: 'council', registrationCode: '04054642' }, '01J00000000000000000000009', '2026-01-01T00:00:00.000Z');

describe('organisation model', () => {
  it('starts at version 1 with empty contacts', () => {
    expect(created).toMatchObject({ version: 1, contacts: {}, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('applies a patch as a new version and keeps what the patch leaves out', () => {
    const next = applyOrganisationPatch(created, { type: 'government' }, '2026-02-01T00:00:00.000Z');
    expect(next).toMatchObject({ type: 'government', name: created.name, registrationCode: '04054642', version: 2, createdAt: created.createdAt, updatedAt: '2026-02-01T00:00:00.000Z' });
  });

  it('removes the registration code when the patch sets it to null', () => {
    expect(applyOrganisationPatch(created, { registrationCode: null }, '2026-02-01T00:00:00.000Z')).not.toHaveProperty('registrationCode');
  });

  it('replaces contacts as a whole', () => {
    const withContacts = applyOrganisationPatch(created, { contacts: { email: 'a@example.org' } }, 'now');
    expect(applyOrganisationPatch(withContacts, { contacts: { phone: '+380 44 111 2233' } }, 'later').contacts).toEqual({ phone: '+380 44 111 2233' });
  });
});
