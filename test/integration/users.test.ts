import { describe, expect, it } from 'vitest';
import { demoOrganisations } from '../../infra/local/seed.js';
import { localAccountStore } from '../../functions/users/local-accounts.js';
import { call, demoUser, stack, uniqueKey } from '../support/api.js';
import { invitationOf, ownPassword, signInWith } from '../support/users.js';
import { createProgramme, programmeContent } from '../support/programmes.js';

const coordinator = demoUser('coordinator');
const admin = demoUser('admin');

interface User {
  id: string;
  orgId: string;
  email: string;
  role: string;
  status: string;
  version: number;
}
interface Problem {
  code: string;
  errors?: { path: string }[];
}

const invitation = (role = 'council') => ({ name: 'Марія Шевченко', position: 'Спеціалістка з комунікацій', email: `maria.${crypto.randomUUID().slice(0, 8)}@example.org`, role });

describe('users', () => {
  it('GET /api/me returns the profile and organisation in one answer', async () => {
    const response = await call<{ userId: string; profile: { name: string }; organisation: { id: string } }>('GET', '/api/me', { as: coordinator });
    expect(response.body).toMatchObject({ userId: coordinator.id, profile: { name: coordinator.name }, organisation: { id: coordinator.orgId } });
  });

  it('a coordinator invites a colleague, who can then sign in and sees their organisation', async () => {
    const body = invitation();
    const invited = await call<User>('POST', `/api/organisations/${coordinator.orgId}/users`, { as: coordinator, body, headers: { 'idempotency-key': uniqueKey() } });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ orgId: coordinator.orgId, email: body.email, role: 'council', status: 'active', version: 1 });

    const account = await localAccountStore(stack().accountsFile).findBySub(invited.body.id);
    expect(account).toMatchObject({ email: body.email, orgId: coordinator.orgId, groups: ['council'], disabled: false });
    const tokens = await signInWith(body.email, (await invitationOf(invited.body.id)).temporaryPassword, { newPassword: ownPassword });
    const me = await call<{ userId: string; organisation: { id: string } }>('GET', '/api/me', { token: tokens.accessToken });
    expect(me.body).toMatchObject({ userId: invited.body.id, organisation: { id: coordinator.orgId } });

    const list = await call<{ items: User[] }>('GET', `/api/organisations/${coordinator.orgId}/users?limit=100`, { as: coordinator });
    expect(list.body.items.map((user) => user.id)).toContain(invited.body.id);
  });

  it('refuses a second user with the same email', async () => {
    const body = invitation();
    await call('POST', `/api/organisations/${coordinator.orgId}/users`, { as: coordinator, body });
    const again = await call<Problem>('POST', `/api/organisations/${coordinator.orgId}/users`, { as: admin, body: { ...body, name: 'Someone Else' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_exists');
  });

  it('lets only an admin grant the admin role', async () => {
    const byCoordinator = await call<Problem>('POST', `/api/organisations/${coordinator.orgId}/users`, { as: coordinator, body: invitation('admin') });
    const byAdmin = await call<User>('POST', `/api/organisations/${coordinator.orgId}/users`, { as: admin, body: invitation('admin') });
    expect(byCoordinator.status).toBe(403);
    expect(byAdmin.status).toBe(201);
  });

  it('answers 404 for an invitation into an organisation that does not exist', async () => {
    const response = await call<Problem>('POST', '/api/organisations/01J99999999999999999999999/users', { as: admin, body: invitation() });
    expect(response.status).toBe(404);
  });

  it('a disabled user can no longer sign in; re-enabled, they can', async () => {
    const body = invitation();
    const invited = await call<User>('POST', `/api/organisations/${coordinator.orgId}/users`, { as: coordinator, body });
    await signInWith(body.email, (await invitationOf(invited.body.id)).temporaryPassword, { newPassword: ownPassword });

    const disabled = await call<User>('PUT', `/api/users/${invited.body.id}/status`, { as: coordinator, body: { status: 'disabled' }, headers: { 'if-match': '"1"' } });
    expect(disabled.body).toMatchObject({ status: 'disabled', version: 2 });
    await expect(signInWith(body.email, ownPassword)).rejects.toThrow(/disabled|Sign-in stopped/);

    await new Promise((resolve) => setTimeout(resolve, 1000)); // token times are whole seconds: sign in again a second after the revocation
    const enabled = await call<User>('PUT', `/api/users/${invited.body.id}/status`, { as: coordinator, body: { status: 'active' }, headers: { 'if-match': '"2"' } });
    expect(enabled.body.status).toBe('active');
    await expect(signInWith(body.email, ownPassword)).resolves.toHaveProperty('accessToken');
  });

  it('a coordinator sees only names and positions of an organisation it does not work with, and contacts once they work together', async () => {
    const partner = await call<{ id: string }>('POST', '/api/organisations', { as: admin, body: { name: { uk: `Фонд ${crypto.randomUUID().slice(0, 6)}`, en: 'A foundation' }, type: 'funder' } });
    await call('POST', `/api/organisations/${partner.body.id}/users`, { as: admin, body: { name: 'Ірина Бойко', position: 'Програмна менеджерка', email: `iryna.${crypto.randomUUID().slice(0, 8)}@example.org`, role: 'funder' } });
    const stranger = await call<{ items: Record<string, unknown>[] }>('GET', `/api/organisations/${partner.body.id}/users`, { as: coordinator });
    expect(stranger.body.items.map((user) => Object.keys(user).sort())).toEqual([['id', 'name', 'orgId', 'position', 'role', 'status']]);
    expect(JSON.stringify(stranger.body)).not.toContain('@example.org');

    await createProgramme({ ...programmeContent(), funderOrgIds: [partner.body.id] });
    const partnerNow = await call<{ items: { email?: string }[] }>('GET', `/api/organisations/${partner.body.id}/users`, { as: coordinator });
    expect(partnerNow.body.items[0]?.email).toMatch(/@example\.org$/);
    const own = await call<{ items: { email?: string }[] }>('GET', `/api/organisations/${coordinator.orgId}/users?limit=5`, { as: coordinator });
    expect(own.body.items.every((user) => user.email !== undefined)).toBe(true);
  });

  it('does not let a user disable themselves', async () => {
    const me = await call<{ profile: User }>('GET', '/api/me', { as: coordinator });
    const response = await call<Problem>('PUT', `/api/users/${coordinator.id}/status`, { as: coordinator, body: { status: 'disabled' }, headers: { 'if-match': `"${me.body.profile.version}"` } });
    expect(response.status).toBe(409);
  });

  it('does not let a coordinator manage another organisation\'s users', async () => {
    const invited = await call<User>('POST', `/api/organisations/${demoOrganisations.funder}/users`, { as: admin, body: invitation('funder') });
    const response = await call<Problem>('PUT', `/api/users/${invited.body.id}/status`, { as: coordinator, body: { status: 'disabled' }, headers: { 'if-match': '"1"' } });
    expect(response.status).toBe(403);
  });
});
