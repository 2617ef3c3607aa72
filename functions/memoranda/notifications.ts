import type { AuditEvent, Memorandum } from './schema.js';

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
      return [];
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
