import type { FieldProblem } from '../core/errors.js';
import type { Activity, Member } from './schema.js';

/**
 * Who was invited to an activity and who came, kept on both sides in one
 * transaction (pure): each member's `participation` says which activities they
 * were linked to, and the activity counts its linked members. Attended members
 * are part of the activity's attendance: `attended.total` is the linked
 * attendees plus the people counted at the door who are not in the network, so
 * linking one more attendee adds one to the total and typing never has to.
 */
export type ParticipantStatus = 'invited' | 'attended' | 'none';
export interface ParticipantChange { memberId: string; status: ParticipantStatus }

export const participantStatusOf = (member: Pick<Member, 'participation'>, activityId: string): ParticipantStatus =>
  member.participation.find((entry) => entry.activityId === activityId)?.status ?? 'none';

const withStatus = (member: Member, activityId: string, status: ParticipantStatus): Member['participation'] => [
  ...member.participation.filter((entry) => entry.activityId !== activityId),
  ...(status === 'none' ? [] : [{ activityId, status }]),
];

const sumOf = (counts: Record<string, number | undefined> | undefined) => Object.values(counts ?? {}).reduce<number>((sum, value) => sum + (value ?? 0), 0);

export type ParticipantPlan =
  | { ok: false; problems: FieldProblem[] }
  | { ok: true; activity: Activity; members: { before: Member; after: Member }[] };

/**
 * The activity and the members after the changes (only members whose link
 * changes), or every problem with the request. `members` holds the programme's
 * current members by id (a removed member is not there).
 */
export const planParticipants = (activity: Activity, members: ReadonlyMap<string, Member>, changes: ParticipantChange[], now: string): ParticipantPlan => {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  changes.forEach((change, index) => {
    if (seen.has(change.memberId)) problems.push({ path: `body.changes.${index}.memberId`, message: 'Listed twice.' });
    seen.add(change.memberId);
    if (!members.has(change.memberId)) problems.push({ path: `body.changes.${index}.memberId`, message: 'Not a member of this programme\'s network.' });
    if (change.status === 'attended' && activity.status !== 'held') problems.push({ path: `body.changes.${index}.status`, message: 'Only a held activity has attendees: record it as held first.' });
  });
  if (problems.length > 0) return { ok: false, problems };

  const changed = changes.flatMap((change) => {
    const before = members.get(change.memberId) as Member;
    if (participantStatusOf(before, activity.id) === change.status) return [];
    return [{ before, after: { ...before, participation: withStatus(before, activity.id, change.status), version: before.version + 1, updatedAt: now } }];
  });
  const count = (status: ParticipantStatus) =>
    changed.reduce((sum, { before, after }) => sum + Number(participantStatusOf(after, activity.id) === status) - Number(participantStatusOf(before, activity.id) === status), 0);
  const invited = count('invited');
  const attended = count('attended');
  const network = { invited: (activity.network?.invited ?? 0) + invited, attended: (activity.network?.attended ?? 0) + attended };
  const total = (activity.attended?.total ?? 0) + attended;
  if (activity.attended && (sumOf(activity.attended.byGender) > total || sumOf(activity.attended.byAgeBand) > total)) {
    return { ok: false, problems: [{ path: 'body.changes', message: 'The attendance counted by gender or age band would exceed the total: correct those counts first.' }] };
  }
  const next: Activity = {
    ...activity,
    network,
    ...(activity.status === 'held' && (activity.attended || attended !== 0) ? { attended: { ...activity.attended, total } } : {}),
    version: activity.version + 1,
    updatedAt: now,
  };
  return { ok: true, activity: next, members: changed };
};

/** What an activity's own edit may not undo: its linked attendees stay counted, and only a held activity has them. */
export const linkedAttendanceProblems = (stored: Pick<Activity, 'network'>, next: Pick<Activity, 'status' | 'attended'>): FieldProblem[] => {
  const linked = stored.network?.attended ?? 0;
  if (linked === 0) return [];
  if (next.status !== 'held') return [{ path: 'body.status', message: `${linked} network members are recorded as attending: unlink them first.` }];
  if ((next.attended?.total ?? 0) < linked) return [{ path: 'body.attended.total', message: `${linked} network members are recorded as attending: the total cannot be lower.` }];
  return [];
};
