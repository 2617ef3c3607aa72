import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Amendment, Memorandum, SectionDiff, Signature } from './schema.js';
import type { Recurrence } from './vocabulary.js';

/**
 * The two documents of a memorandum as pdfmake definitions (pure; rendering and
 * storage happen at the edge): the final text the parties sign, and the
 * certificate of completion that seals who signed what, when.
 */
type Text = { uk?: string | undefined; en?: string | undefined };


const both = (text: Text | undefined, style?: string): Content[] =>
  [
    text?.uk ? { text: text.uk, ...(style ? { style } : {}) } : undefined,
    text?.en ? { text: text.en, ...(style ? { style } : {}), ...(text.uk ? { italics: true, color: '#444444' } : {}) } : undefined,
  ].filter((item): item is Exclude<typeof item, undefined> => item !== undefined);

const orgLine = (memorandum: Pick<Memorandum, 'directory'>, orgId: string): string => {
  const name = memorandum.directory.organisations[orgId];
  return name ? (name.uk === name.en ? name.uk : `${name.uk} / ${name.en}`) : orgId;
};

const styles: TDocumentDefinitions['styles'] = {
  title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
  heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6], color: '#0f4c81' },
  subheading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
  small: { fontSize: 8, color: '#555555' },
  tableHeader: { bold: true, fillColor: '#eef3f8' },
};

const footer = (label: string) => (page: number, pages: number): Content => ({
  columns: [{ text: label, style: 'small' }, { text: `${page} / ${pages}`, style: 'small', alignment: 'right' }],
  margin: [40, 10, 40, 0],
});

/** A SHA-256 in groups of 16, so that it wraps inside table cells. */
const grouped = (hash: string): string => hash.match(/.{1,16}/g)?.join(' ') ?? hash;

const numbered = (items: { id: string; text: Text }[]): Content =>
  items.length === 0 ? { text: '—' } : { ol: items.map((item) => ({ stack: both(item.text), margin: [0, 0, 0, 4] })) };

const recurrenceNames: Record<Recurrence, string> = {
  once: 'одноразово / once', monthly: 'щомісяця / monthly', quarterly: 'щокварталу / quarterly', yearly: 'щороку / yearly',
};

const bilingualLine = (text: Text): string => [text.uk, text.en].filter((part) => part && part.length > 0).join(' / ');

/**
 * A party's obligations with every term the tracked records act on — due date,
 * recurrence, category, indicators with unit, baseline and target — so that the
 * signed text and what Pakt tracks (overdue, reminders, reports) say the same.
 */
const obligationsTable = (obligations: Memorandum['content']['obligations']): Content =>
  obligations.length === 0
    ? { text: '—' }
    : {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [16, '*', 130],
          body: [
            [{ text: '№', style: 'tableHeader' }, { text: 'Зобов’язання / Obligation', style: 'tableHeader' }, { text: 'Умови / Terms', style: 'tableHeader' }],
            ...obligations.map((obligation, index) => [
              `${index + 1}.`,
              {
                stack: [
                  ...both(obligation.text),
                  ...(obligation.indicators ?? []).map((indicator): Content => ({
                    text: [{ text: 'Показник / Indicator: ', bold: true }, `${bilingualLine(indicator.name)}; ${indicator.unit}: базове значення / baseline ${indicator.baseline}, ціль / target ${indicator.target}`],
                    fontSize: 9,
                    margin: [0, 3, 0, 0],
                  })),
                ],
              },
              {
                fontSize: 9,
                stack: [
                  `Строк / Due: ${obligation.dueDate ?? '—'}`,
                  `Періодичність / Recurrence: ${obligation.recurrence ? recurrenceNames[obligation.recurrence] : '—'}`,
                  ...(obligation.category ? [`Категорія / Category: ${obligation.category}`] : []),
                  ...(obligation.responsible ? [`Відповідальна особа / Responsible: ${obligation.responsible.name}${obligation.responsible.contact ? ` (${obligation.responsible.contact})` : ''}`] : []),
                  ...(obligation.indicators?.length ? [`Показники / Indicators: ${obligation.indicators.length}`] : []),
                ],
              },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      };

type Agreement = Pick<Memorandum, 'content' | 'directory'>;

/** The agreement's text: title, term, parties, purposes, areas and every party's obligations with their terms. */
const agreementText = (agreement: Agreement): Content[] => {
  const { content } = agreement;
  return [
    ...both(content.title, 'title'),
    { text: `Строк дії / Term: ${content.term.start} — ${content.term.end ?? 'безстроково / open-ended'}`, alignment: 'center', margin: [0, 6, 0, 10] },
    { text: 'Сторони / Parties', style: 'heading' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto'],
        body: [
          [{ text: 'Організація / Organisation', style: 'tableHeader' }, { text: 'Роль / Role', style: 'tableHeader' }],
          ...content.parties.map((party) => [orgLine(agreement, party.orgId), { stack: both(party.role) }]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Мета співпраці / Purposes', style: 'heading' },
    numbered(content.purposes),
    { text: 'Напрями співпраці / Areas of cooperation', style: 'heading' },
    numbered(content.areas),
    { text: 'Зобов’язання сторін / Obligations of the parties', style: 'heading' },
    ...content.parties.flatMap((party): Content[] => [
      { text: orgLine(agreement, party.orgId), style: 'subheading' },
      obligationsTable(content.obligations.filter((obligation) => obligation.partyOrgId === party.orgId)),
    ]),
  ];
};

/** A signature line for each party, with its named signatory. */
const signatureBlocks = (agreement: Agreement, parties: { orgId: string; signatoryUserId?: string | undefined }[]): Content[] => [
  { text: 'Підписи сторін / Signatures', style: 'heading', pageBreak: 'before' },
  ...parties.map((party): Content => {
    const signatory = party.signatoryUserId ? agreement.directory.people[party.signatoryUserId] : undefined;
    return {
      unbreakable: true,
      margin: [0, 8, 0, 18],
      stack: [
        { text: orgLine(agreement, party.orgId), bold: true },
        { text: signatory ? `${signatory.name}${signatory.position ? `, ${signatory.position}` : ''}` : '', margin: [0, 4, 0, 0] },
        { canvas: [{ type: 'line', x1: 0, y1: 24, x2: 220, y2: 24, lineWidth: 0.7 }] },
        { text: 'Підпис / Signature          Дата / Date', style: 'small', margin: [0, 2, 0, 0] },
      ],
    };
  }),
];

export const finalDocument = (memorandum: Memorandum, renderedAt: string): TDocumentDefinitions => {
  const { content } = memorandum;
  return {
    info: { title: content.title.en ?? content.title.uk ?? 'Memorandum', subject: `Memorandum ${memorandum.id}, revision ${memorandum.revision}`, creator: 'Pakt', creationDate: new Date(renderedAt) },
    pageMargins: [40, 40, 40, 50],
    footer: footer(`Pakt · ${memorandum.id} · Редакція / Revision ${memorandum.revision}`),
    styles,
    content: [
      { text: 'МЕМОРАНДУМ ПРО СПІВПРАЦЮ · MEMORANDUM OF COOPERATION', style: 'small', alignment: 'center', margin: [0, 0, 0, 8] },
      ...agreementText(memorandum),
      ...signatureBlocks(memorandum, content.parties),
    ],
  };
};

const changeNames = { added: 'Додано / Added', removed: 'Вилучено / Removed', changed: 'Змінено / Changed' } as const;
const obligationChangeNames = { added: 'Нове зобов’язання / New obligation', removed: 'Припиняється / Ends', changed: 'Змінюється / Changes' } as const;
const partyChangeNames = { added: 'Приєднується / Joins', removed: 'Виходить / Leaves', changed: 'Змінюються дані сторони / Party details change' } as const;
const sectionNames: Record<SectionDiff['section'], string> = {
  title: 'Назва / Title', term: 'Строк дії / Term', parties: 'Сторони / Parties', purposes: 'Мета / Purposes', areas: 'Напрями / Areas', obligations: 'Зобов’язання / Obligations',
};

const textOf = (value: unknown): Text | undefined => (value && typeof value === 'object' && 'text' in value ? (value as { text: Text }).text : undefined);

/** One change of the amendment, in words: what it was and what it becomes. */
const changeLine = (agreement: Agreement, section: SectionDiff['section'], change: SectionDiff['changes'][number]): Content => {
  const label = section === 'obligations' ? obligationChangeNames[change.kind] : section === 'parties' ? partyChangeNames[change.kind] : changeNames[change.kind];
  if (section === 'parties') return { text: [{ text: `${label}: `, bold: true }, orgLine(agreement, change.id)], margin: [0, 0, 0, 4] };
  if (section === 'term') {
    const term = (value: unknown) => { const { start, end } = (value ?? {}) as { start?: string; end?: string | null }; return `${start ?? '—'} — ${end ?? 'безстроково / open-ended'}`; };
    return { text: [{ text: `${label}: `, bold: true }, `було / was ${term(change.before)}; стає / becomes ${term(change.after)}`], margin: [0, 0, 0, 4] };
  }
  if (section === 'title') return { stack: [{ text: `${label}:`, bold: true }, ...both(change.after as Text)], margin: [0, 0, 0, 4] };
  const shown = textOf(change.after) ?? textOf(change.before);
  const terms = section === 'obligations' && change.after ? (change.after as Memorandum['content']['obligations'][number]) : undefined;
  const termsLine: Content[] = terms
    ? [{ text: `Строк / Due: ${terms.dueDate ?? '—'}; Періодичність / Recurrence: ${terms.recurrence ? recurrenceNames[terms.recurrence] : '—'}${terms.indicators?.length ? `; Показники / Indicators: ${terms.indicators.length}` : ''}`, fontSize: 9 }]
    : [];
  return { stack: [{ text: `${label}:`, bold: true }, ...both(shown), ...termsLine], margin: [0, 0, 0, 6] };
};

/**
 * The text an amendment's parties sign: what it changes, section by section, then the
 * agreement as amended (consolidated), then a signature line for every party of it
 * and for every party leaving.
 */
export const amendmentDocument = (input: { memorandum: Memorandum; amendment: Amendment; changes: SectionDiff[]; renderedAt: string }): TDocumentDefinitions => {
  const { memorandum, amendment, changes } = input;
  const agreement: Agreement = { content: amendment.content ?? memorandum.content, directory: { organisations: { ...memorandum.directory.organisations, ...amendment.directory?.organisations }, people: { ...memorandum.directory.people, ...amendment.directory?.people } } };
  const named = (orgId: string) => agreement.content.parties.find((party) => party.orgId === orgId) ?? memorandum.content.parties.find((party) => party.orgId === orgId);
  return {
    info: { title: `Amendment ${amendment.number}: ${memorandum.content.title.en ?? memorandum.content.title.uk ?? ''}`, subject: `Memorandum ${memorandum.id}, amendment ${amendment.number}, revision ${amendment.revision}`, creator: 'Pakt', creationDate: new Date(input.renderedAt) },
    pageMargins: [40, 40, 40, 50],
    footer: footer(`Pakt · ${memorandum.id} · Дод. угода / Amendment ${amendment.number} · ред. / rev. ${amendment.revision}`),
    styles,
    content: [
      { text: `ДОДАТКОВА УГОДА № ${amendment.number} · SUPPLEMENTARY AGREEMENT No. ${amendment.number}`, style: 'title' },
      { text: 'до меморандуму / to the memorandum', alignment: 'center', margin: [0, 0, 0, 4] },
      ...both(memorandum.content.title, 'subheading'),
      ...(amendment.summary ? [{ text: 'Суть змін / What changes and why', style: 'heading' }, ...both(amendment.summary)] : []),
      { text: 'Зміни / Changes', style: 'heading' },
      ...changes.flatMap((section): Content[] => [
        { text: sectionNames[section.section], style: 'subheading' },
        ...section.changes.map((change) => changeLine(agreement, section.section, change)),
      ]),
      { text: 'Меморандум у редакції цієї угоди / The memorandum as amended', style: 'heading', pageBreak: 'before' },
      ...agreementText(agreement),
      ...signatureBlocks(agreement, amendment.parties.map((party) => ({ orgId: party.orgId, signatoryUserId: named(party.orgId)?.signatoryUserId }))),
    ],
  };
};

export const certificateDocument = (memorandum: Memorandum, signatures: Signature[], documentHash: string, chainHeadHash: string, completedAt: string, amendment?: Pick<Amendment, 'number' | 'reviewRevision' | 'revision'>): TDocumentDefinitions => ({
  info: { title: `Certificate of completion ${memorandum.id}`, creator: 'Pakt', creationDate: new Date(completedAt) },
  pageMargins: [40, 40, 40, 50],
  footer: footer(`Pakt · ${memorandum.id} · Сертифікат / Certificate`),
  styles,
  content: [
    { text: 'СЕРТИФІКАТ ЗАВЕРШЕННЯ ПІДПИСАННЯ', style: 'title' },
    { text: 'Certificate of completion', alignment: 'center', italics: true, margin: [0, 0, 0, 12] },
    ...both(memorandum.content.title, 'subheading'),
    {
      table: {
        widths: ['auto', '*'],
        body: [
          ['Меморандум / Memorandum', memorandum.id],
          ...(amendment ? [['Додаткова угода / Amendment', `№ ${amendment.number}`]] : []),
          ['Редакція / Revision', String(amendment ? amendment.reviewRevision ?? amendment.revision : memorandum.reviewRevision ?? memorandum.revision)],
          ['SHA-256 документа / Document SHA-256', { text: grouped(documentHash), fontSize: 8 }],
          ['Голова журналу аудиту / Audit-chain head', { text: grouped(chainHeadHash), fontSize: 8 }],
          ['Завершено / Completed (UTC)', completedAt],
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 10, 0, 10],
    },
    { text: 'Сторони та підписанти / Parties and signers', style: 'heading' },
    {
      table: {
        headerRows: 1,
        widths: ['30%', '*', 95],
        body: [
          [{ text: 'Сторона / Party', style: 'tableHeader' }, { text: 'Підписант / Signer', style: 'tableHeader' }, { text: 'Час (UTC) / Time', style: 'tableHeader' }],
          ...signatures.map((signature) => [
            orgLine(memorandum, signature.orgId),
            { stack: [{ text: `${signature.fullName}, ${signature.position}` }, { text: `IP ${signature.sourceIp} · ${signature.userAgent.slice(0, 80)}`, style: 'small' }, { text: `SHA-256: ${grouped(signature.documentHash)}`, style: 'small' }] },
            { text: signature.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''), fontSize: 9 },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    {
      text: 'Кожен підписант засвідчив, що бачив документ із наведеним SHA-256. Журнал аудиту меморандуму хеш-зчеплений; його цілісність можна перевірити в Pakt. · Each signer confirmed the document with the SHA-256 above. The memorandum\'s audit trail is hash-chained and can be verified in Pakt.',
      style: 'small',
      margin: [0, 16, 0, 0],
    },
  ],
});
