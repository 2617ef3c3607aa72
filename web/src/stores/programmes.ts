import { defineStore } from 'pinia';
import type { ParticipantChange } from '../../../functions/programmes/participation';
import type { Activity, ActivityInput, CaseInput, CaseRecord, Dashboard, IndicatorActual, Member, MemberInput, Programme, ProgrammeContent, ProgrammeSummary, Spend, Tally, ActivityList } from '../../../functions/programmes/schema';
import { participantChangesPerRequest } from '../../../functions/programmes/vocabulary';
import { services } from '../services';
import { usePagedList } from './paged-list';

/** Programmes: implementers run them (calendar, assistance, indicators); funders read their dashboards. */
export const useProgrammesStore = defineStore('programmes', () => {
  const path = (programmeId: string) => `/programmes/${encodeURIComponent(programmeId)}`;
  const list = usePagedList<ProgrammeSummary>(async (cursor) => (await services().api.get<{ items: ProgrammeSummary[]; nextCursor?: string }>(`/programmes?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body);

  const fetchOne = (programmeId: string) => services().api.get<Programme>(path(programmeId));
  const create = async (content: ProgrammeContent) => (await services().api.send<Programme>('POST', '/programmes', { content }, { idempotent: true })).body;
  /** `leadOrgId`: the lead hands the lead over (only the lead's coordinators may, and change who implements or funds it). */
  const update = (programmeId: string, content: ProgrammeContent, etag: string, leadOrgId?: string) => services().api.send<Programme>('PUT', path(programmeId), { content, ...(leadOrgId ? { leadOrgId } : {}) }, { ifMatch: etag });
  /** The caller's organisation stops implementing the programme. */
  const leave = (programme: Programme) => services().api.send<{ id: string; version: number }>('POST', `${path(programme.id)}/leave`, undefined, { ifMatch: `"${programme.version}"` });
  const dashboard = async (programmeId: string) => (await services().api.get<Dashboard>(`${path(programmeId)}/dashboard`)).body;

  const activities = async (programmeId: string, range: { from?: string; to?: string } = {}) => {
    const query = new URLSearchParams(Object.entries(range).filter(([, value]) => value) as [string, string][]).toString();
    return (await services().api.get<ActivityList>(`${path(programmeId)}/activities${query ? `?${query}` : ''}`)).body;
  };
  const createActivity = async (programmeId: string, activity: ActivityInput) => (await services().api.send<Activity>('POST', `${path(programmeId)}/activities`, activity, { idempotent: true })).body;
  const updateActivity = async (programmeId: string, activityId: string, activity: ActivityInput, version: number) => (await services().api.send<Activity>('PUT', `${path(programmeId)}/activities/${activityId}`, activity, { ifMatch: `"${version}"` })).body;

  const tallies = async (programmeId: string) => (await services().api.get<{ items: Tally[] }>(`${path(programmeId)}/tallies`)).body.items;
  /** `version` is the one read (0 for a cell not recorded yet). */
  const putTally = async (programmeId: string, tallyId: string, counts: { people: number; families: number }, version: number) => (await services().api.send<Tally>('PUT', `${path(programmeId)}/tallies/${tallyId}`, counts, { ifMatch: `"${version}"` })).body;
  const spending = async (programmeId: string) => (await services().api.get<{ items: Spend[] }>(`${path(programmeId)}/spending`)).body.items;
  const putSpend = async (programmeId: string, month: string, lineId: string, amount: number, version: number) => (await services().api.send<Spend>('PUT', `${path(programmeId)}/spending/${month}/${lineId}`, { amount }, { ifMatch: `"${version}"` })).body;
  /** Links or unlinks network members, in requests the API takes at once; each answers the activity at its new version. */
  const changeParticipants = async (programmeId: string, activity: Activity, changes: ParticipantChange[]) => {
    let current = activity;
    for (let start = 0; start < changes.length; start += participantChangesPerRequest) {
      current = (await services().api.send<Activity>('PUT', `${path(programmeId)}/activities/${activity.id}/participants`, { changes: changes.slice(start, start + participantChangesPerRequest) }, { ifMatch: `"${current.version}"` })).body;
    }
    return current;
  };
  /** Uploads a material straight to S3 (reporting progress), then asks the API to check it and attach it to the activity at its version then. */
  const network = async (programmeId: string) => (await services().api.get<{ items: Member[]; removed: number }>(`${path(programmeId)}/network`)).body;
  const addMember = async (programmeId: string, member: MemberInput) => (await services().api.send<{ id: string }>('POST', `${path(programmeId)}/network`, member, { idempotent: true })).body;
  const updateMember = async (programmeId: string, member: Member, input: MemberInput) => (await services().api.send<Member>('PUT', `${path(programmeId)}/network/${member.id}`, input, { ifMatch: `"${member.version}"` })).body;
  const removeMember = async (programmeId: string, member: Member) => services().api.send('DELETE', `${path(programmeId)}/network/${member.id}`, undefined, { ifMatch: `"${member.version}"` });
  const cases = async (programmeId: string) => (await services().api.get<{ items: CaseRecord[] }>(`${path(programmeId)}/cases`)).body.items;
  const addCase = async (programmeId: string, record: CaseInput) => (await services().api.send<{ id: string }>('POST', `${path(programmeId)}/cases`, record, { idempotent: true })).body;
  const deleteCase = async (programmeId: string, record: CaseRecord) => services().api.send('DELETE', `${path(programmeId)}/cases/${record.id}`, undefined, { ifMatch: `"${record.version}"` });
  const actuals = async (programmeId: string) => (await services().api.get<{ items: IndicatorActual[] }>(`${path(programmeId)}/actuals`)).body.items;
  const putActual = async (programmeId: string, indicatorId: string, period: string, value: number, version: number) => (await services().api.send<IndicatorActual>('PUT', `${path(programmeId)}/indicators/${indicatorId}/actuals/${period}`, { value }, { ifMatch: `"${version}"` })).body;

  return { items: list.items, nextCursor: list.nextCursor, state: list.state, error: list.error, loadingMore: list.loadingMore, load: list.load, loadMore: list.loadMore, fetchOne, create, update, leave, dashboard, activities, createActivity, updateActivity, changeParticipants, tallies, putTally, actuals, putActual, spending, putSpend, network, addMember, updateMember, removeMember, cases, addCase, deleteCase, $reset: list.reset };
});
