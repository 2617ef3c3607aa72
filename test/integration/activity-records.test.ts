import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from '../../functions/files/disposition.js';
import { call, demoUser, objectExists, uniqueKey } from '../support/api.js';
import { samplePdf } from '../support/memoranda.js';
import { activist, createActivity, createProgramme, seminar, storedAndRecounted, uploadMaterial, type ActivityBody } from '../support/programmes.js';

const coordinator = demoUser('coordinator');
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
interface Problem { code: string; errors?: { path: string; message: string }[] }
interface MemberBody { id: string; version: number; participation: { activityId: string; status: string }[] }

const activityOf = async (programmeId: string, activityId: string) =>
  (await call<{ items: ActivityBody[] }>('GET', `/api/programmes/${programmeId}/activities`, { as: coordinator })).body.items.find((item) => item.id === activityId) as ActivityBody;
const addMembers = async (programmeId: string, count: number) => {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) ids.push((await call<{ id: string }>('POST', `/api/programmes/${programmeId}/network`, { as: coordinator, body: activist({ name: `Учасниця ${index}`, country: index % 2 ? 'PL' : 'DE' }) })).body.id);
  return ids;
};

describe('who took part in an activity', () => {
  it('linked attendees count in the attendance: linking adds to the total, unlinking takes away, the rest stays as counted at the door', async () => {
    const programme = await createProgramme();
    const [anna, bohdan, chrystia, dmytro] = await addMembers(programme.id, 4) as [string, string, string, string];
    const { activity, base } = await createActivity(programme.id);

    const invited = await call<ActivityBody>('PUT', `${base}/participants`, { as: coordinator, headers: ifMatch(activity.version), body: { changes: [{ memberId: anna, status: 'invited' }, { memberId: bohdan, status: 'invited' }] } });
    expect(invited.status).toBe(200);
    expect(invited.body).toMatchObject({ network: { invited: 2, attended: 0 } });
    expect(invited.body.attended).toBeUndefined();
    const early = await call<Problem>('PUT', `${base}/participants`, { as: coordinator, headers: ifMatch(invited.body.version), body: { changes: [{ memberId: anna, status: 'attended' }] } });
    expect(early.status).toBe(400);
    expect(early.body.errors?.map((error) => error.path)).toEqual(['body.changes.0.status']);

    const held = await call<ActivityBody>('PUT', base, { as: coordinator, headers: ifMatch(invited.body.version), body: seminar({ status: 'held', attended: { total: 5 } }) });
    expect(held.body).toMatchObject({ network: { invited: 2, attended: 0 }, attended: { total: 5 } });
    const came = await call<ActivityBody>('PUT', `${base}/participants`, { as: coordinator, headers: ifMatch(held.body.version), body: { changes: [{ memberId: anna, status: 'attended' }, { memberId: chrystia, status: 'attended' }, { memberId: dmytro, status: 'attended' }] } });
    expect(came.body).toMatchObject({ network: { invited: 1, attended: 3 }, attended: { total: 8 } });
    const unlinked = await call<ActivityBody>('PUT', `${base}/participants`, { as: coordinator, headers: ifMatch(came.body.version), body: { changes: [{ memberId: dmytro, status: 'none' }, { memberId: bohdan, status: 'invited' }] } });
    expect(unlinked.body).toMatchObject({ network: { invited: 1, attended: 2 }, attended: { total: 7 } });

    const network = await call<{ items: MemberBody[] }>('GET', `/api/programmes/${programme.id}/network`, { as: coordinator });
    const statusOf = (memberId: string) => network.body.items.find((member) => member.id === memberId)?.participation;
    expect([statusOf(anna), statusOf(bohdan), statusOf(dmytro)]).toEqual([[{ activityId: activity.id, status: 'attended' }], [{ activityId: activity.id, status: 'invited' }], []]);
    // Editing a member's details keeps their links.
    const annaNow = network.body.items.find((member) => member.id === anna) as MemberBody;
    const edited = await call<MemberBody>('PUT', `/api/programmes/${programme.id}/network/${anna}`, { as: coordinator, headers: ifMatch(annaNow.version), body: activist({ name: 'Анна', city: 'Berlin' }) });
    expect(edited.body.participation).toEqual([{ activityId: activity.id, status: 'attended' }]);

    // The activity's own edit cannot drop below or away from its linked attendees, and keeps them.
    const lower = await call<Problem>('PUT', base, { as: coordinator, headers: ifMatch(unlinked.body.version), body: seminar({ status: 'held', attended: { total: 1 } }) });
    const unheld = await call<Problem>('PUT', base, { as: coordinator, headers: ifMatch(unlinked.body.version), body: seminar({ status: 'planned' }) });
    expect([lower.body.errors?.[0]?.path, unheld.body.errors?.[0]?.path]).toEqual(['body.attended.total', 'body.status']);
    const retitled = await call<ActivityBody>('PUT', base, { as: coordinator, headers: ifMatch(unlinked.body.version), body: seminar({ status: 'held', attended: { total: 9 }, title: { uk: 'Семінар (перенесено)' } }) });
    expect(retitled.body).toMatchObject({ network: { invited: 1, attended: 2 }, attended: { total: 9 } });

    const figures = await storedAndRecounted(programme.id);
    expect(figures.stored).toEqual(figures.recounted);
    expect(figures.stored).toMatchObject({ 'att:total': 9, 'netp:attended': 2, 'netp:invited': 1 });
  });

  it('names every bad change and writes nothing', async () => {
    const programme = await createProgramme();
    const [member] = await addMembers(programme.id, 1) as [string];
    const { activity, base } = await createActivity(programme.id, { status: 'held', attended: { total: 3 } });
    const bad = await call<Problem>('PUT', `${base}/participants`, { as: coordinator, headers: ifMatch(activity.version), body: { changes: [{ memberId: member, status: 'attended' }, { memberId: member, status: 'invited' }, { memberId: '01J00000000000000000000990', status: 'invited' }, { memberId: 'x', status: 'maybe' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.path).sort()).toEqual(['body.changes.3.memberId', 'body.changes.3.status']);
    const refused = await call<Problem>('PUT', `${base}/participants`, { as: coordinator, headers: ifMatch(activity.version), body: { changes: [{ memberId: member, status: 'attended' }, { memberId: member, status: 'invited' }, { memberId: '01J00000000000000000000990', status: 'invited' }] } });
    expect(refused.body.errors?.map((error) => error.path)).toEqual(['body.changes.1.memberId', 'body.changes.2.memberId']);
    const stale = await call<Problem>('PUT', `${base}/participants`, { as: coordinator, headers: ifMatch(activity.version + 1), body: { changes: [{ memberId: member, status: 'attended' }] } });
    expect(stale.status).toBe(412);
    expect(await activityOf(programme.id, activity.id)).toMatchObject({ version: activity.version, attended: { total: 3 } });
  });

  it('racing coordinators each linking someone: every link lands once, and the figures equal a recount', async () => {
    const programme = await createProgramme();
    const members = await addMembers(programme.id, 8);
    const { activity, base } = await createActivity(programme.id, { status: 'held', attended: { total: 10 } });
    await Promise.all(members.map(async (memberId) => {
      for (let attempt = 0; attempt < 60; attempt += 1) {
        const { version } = await activityOf(programme.id, activity.id);
        const response = await call('PUT', `${base}/participants`, { as: coordinator, headers: ifMatch(version), body: { changes: [{ memberId, status: 'attended' }] } });
        if (response.status === 200) return;
        expect(response.status).toBe(412);
      }
      throw new Error('never won the race');
    }));
    expect(await activityOf(programme.id, activity.id)).toMatchObject({ network: { invited: 0, attended: 8 }, attended: { total: 18 } });
    const figures = await storedAndRecounted(programme.id);
    expect(figures.stored).toEqual(figures.recounted);
  });
});

describe('activity materials', () => {
  const pptx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(300).fill(0)]);
  const pptxType = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

  it('a programme and slides are checked, kept across edits, downloadable and removable', async () => {
    const programme = await createProgramme();
    const { activity, base } = await createActivity(programme.id);
    const agenda = await (await uploadMaterial(base, coordinator, { bytes: samplePdf, storedType: 'application/pdf', filename: 'програма семінару.pdf' })).confirm(activity.version, { 'idempotency-key': uniqueKey() });
    expect(agenda.status).toBe(201);
    expect(agenda.headers.get('location')).toMatch(/\/materials\/[0-9A-Z]{26}$/);
    const slides = await (await uploadMaterial(base, coordinator, { bytes: pptx, storedType: pptxType, filename: 'slides.pptx' })).confirm(agenda.body.version);
    expect(slides.body.materials?.map((file) => [file.filename, file.contentType, file.size])).toEqual([['програма семінару.pdf', 'application/pdf', samplePdf.byteLength], ['slides.pptx', pptxType, pptx.byteLength]]);

    const edited = await call<ActivityBody>('PUT', base, { as: coordinator, headers: ifMatch(slides.body.version), body: seminar({ status: 'held', attended: { total: 20 } }) });
    expect(edited.body.materials).toHaveLength(2);

    const [first, second] = edited.body.materials ?? [];
    const link = await call<{ url: string; filename: string }>('GET', `${base}/materials/${first?.id}`, { as: coordinator });
    expect(link.body.filename).toBe('програма семінару.pdf');
    const download = await fetch(link.body.url);
    // The name arrives as it was given (RFC 5987), with an ASCII fallback for old clients.
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="________ ________.pdf"; filename*=UTF-8''${encodeURIComponent('програма семінару.pdf')}`);
    expect(filenameFromDisposition(download.headers.get('content-disposition') ?? '')).toBe('програма семінару.pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(samplePdf);

    const removed = await call<ActivityBody>('DELETE', `${base}/materials/${second?.id}`, { as: coordinator, headers: ifMatch(edited.body.version) });
    expect(removed.body.materials?.map((file) => file.id)).toEqual([first?.id]);
    expect(await objectExists(`programmes/${programme.id}/activities/${activity.id}/${second?.id}`)).toBe(false);
    expect((await call('GET', `${base}/materials/${second?.id}`, { as: coordinator })).status).toBe(404);
  });

  it('a file whose bytes are not what it claims is refused and deleted; a retried confirmation replays', async () => {
    const programme = await createProgramme();
    const { activity, base } = await createActivity(programme.id);
    const fake = await uploadMaterial(base, coordinator, { bytes: new TextEncoder().encode('MZ not a pdf at all'), storedType: 'application/pdf' });
    const refused = await fake.confirm(activity.version);
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as Problem).errors?.[0]?.path).toBe('body.contentType');
    expect(await objectExists(`programmes/${programme.id}/activities/${activity.id}/${fake.uploadId}`)).toBe(false);

    const upload = await uploadMaterial(base);
    const key = { 'idempotency-key': uniqueKey() };
    const first = await upload.confirm(activity.version, key);
    const retry = await upload.confirm(activity.version, key);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await activityOf(programme.id, activity.id)).materials).toHaveLength(1);

    const tooBig = await call<Problem>('POST', `${base}/materials/uploads`, { as: coordinator, body: { filename: 'a/b.exe', contentType: 'application/x-msdownload', size: 26 * 1024 * 1024 } });
    expect(tooBig.body.errors?.map((error) => error.path).sort()).toEqual(['body.contentType', 'body.filename', 'body.size']);
  });
});
