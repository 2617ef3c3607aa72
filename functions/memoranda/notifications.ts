import type { Amendment, AuditEvent, Memorandum } from './schema.js';

/**
 * Who must act next after a workflow step, and what they are told. Pure: the
 * handler looks up addresses and sends after the step is stored.
 */
export interface Notice {
  userIds: string[];
  subject: string;
  text: string;
}

const titleOf = (memorandum: Memorandum): string => memorandum.content.title.uk ?? memorandum.content.title.en ?? memorandum.id;

/** The coordinator who last submitted (or created) the memorandum. */
const submitter = (events: Pick<AuditEvent, 'action' | 'actor'>[]): string[] => {
  const last = [...events].reverse().find((event) => event.action === 'submitted' || event.action === 'created');
  return last ? [last.actor.userId] : [];
};

const named = (memorandum: Memorandum, field: 'approverUserId' | 'signatoryUserId', except: string[] = []): string[] =>
  memorandum.content.parties.filter((party) => !except.includes(party.orgId)).flatMap((party) => (party[field] ? [party[field]] : []));

/** The named people of every party taking part in an amendment (a leaving party's as the text in force names them). */
const namedInAmendment = (memorandum: Memorandum, amendment: Amendment, field: 'approverUserId' | 'signatoryUserId', except: string[] = []): string[] =>
  amendment.parties.filter((party) => !except.includes(party.orgId)).flatMap((party) => {
    const named = (amendment.content ?? memorandum.content).parties.find((candidate) => candidate.orgId === party.orgId) ?? memorandum.content.parties.find((candidate) => candidate.orgId === party.orgId);
    return named?.[field] ? [named[field]] : [];
  });

const amendmentNotices = (action: string, memorandum: Memorandum, events: Pick<AuditEvent, 'action' | 'actor'>[], notice: (userIds: string[], uk: string, en: string) => Notice[]): Notice[] => {
  const amendment = memorandum.amendments?.at(-1);
  if (!amendment) return [];
  const starter = [...events].reverse().find((event) => event.action === 'amendment_submitted' || event.action === 'amendment_started');
  const submitterOf = starter ? [starter.actor.userId] : [];
  const number = amendment.number;
  switch (action) {
    case 'amendment_submitted':
      return notice(namedInAmendment(memorandum, amendment, 'approverUserId'), `додаткова угода № ${number} чекає на ваше погодження`, `amendment ${number} awaits your approval`);
    case 'amendment_returned':
      return notice(submitterOf, `додаткову угоду № ${number} повернуто з коментарем`, `amendment ${number} was returned with a comment`);
    case 'amendment_approved_by_all':
      return notice(namedInAmendment(memorandum, amendment, 'signatoryUserId'), `додаткову угоду № ${number} погоджено — чекає на ваш підпис`, `amendment ${number} is approved and awaits your signature`);
    case 'amendment_signed_by_all':
      return notice([...namedInAmendment(memorandum, amendment, 'approverUserId'), ...namedInAmendment(memorandum, amendment, 'signatoryUserId'), ...submitterOf], `додаткова угода № ${number} набрала чинності`, `amendment ${number} is signed by every party and in force`);
    default:
      return [];
  }
};

export const noticesFor = (action: string, memorandum: Memorandum, events: Pick<AuditEvent, 'action' | 'actor'>[], link: string): Notice[] => {
  const title = titleOf(memorandum);
  const notice = (userIds: string[], uk: string, en: string): Notice[] => [{
    userIds: [...new Set(userIds)],
    subject: `Pakt: ${uk} · ${en}`,
    text: `${uk}\n«${title}»\n\n${en}\n\n${link}`,
  }];
  switch (action) {
    case 'submitted':
      return notice(named(memorandum, 'approverUserId'), 'меморандум чекає на ваше погодження', 'a memorandum awaits your approval');
    case 'returned':
      return notice(submitter(events), 'меморандум повернуто з коментарем', 'a memorandum was returned with a comment');
    case 'approved_by_all':
      return notice(named(memorandum, 'signatoryUserId'), 'меморандум погоджено — чекає на ваш підпис', 'the memorandum is approved and awaits your signature');
    case 'signed':
      return notice([...named(memorandum, 'signatoryUserId', memorandum.signedBy), ...submitter(events)], 'сторона підписала меморандум', 'a party signed the memorandum');
    case 'signed_by_all':
      return notice([...named(memorandum, 'approverUserId'), ...named(memorandum, 'signatoryUserId'), ...submitter(events)], 'меморандум підписано всіма сторонами', 'the memorandum is signed by every party');
    default:
      return action.startsWith('amendment_') ? amendmentNotices(action, memorandum, events, notice) : [];
  }
};

/** To the drafting organisation's coordinators: a step was refused because the record failed its integrity check. */
export const integrityFailureNotice = (memorandum: Memorandum, what: 'document' | 'audit_chain', link: string): Pick<Notice, 'subject' | 'text'> => {
  const [uk, en] = what === 'document'
    ? ['збережений текст меморандуму не збігається з його SHA-256', 'the stored text of the memorandum does not match its SHA-256']
    : ['журнал подій меморандуму не проходить перевірку цілісності', 'the memorandum\'s audit trail fails its integrity check'];
  return {
    subject: 'Pakt: перевірку цілісності не пройдено · integrity check failed',
    text: `«${titleOf(memorandum)}»\n\n${uk}. Підписання зупинено; нічого не записано. Зверніться до адміністраторів.\n\n${en}. Signing was stopped and nothing was recorded. Contact the administrators.\n\n${link}`,
  };
};
