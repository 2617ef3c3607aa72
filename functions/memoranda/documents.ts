import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Memorandum, Signature } from './schema.js';
import type { recurrences } from './vocabulary.js';

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

const orgLine = (memorandum: Memorandum, orgId: string): string => {
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

const recurrenceNames: Record<(typeof recurrences)[number], string> = {
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
                  ...(obligation.indicators?.length ? [`Показники / Indicators: ${obligation.indicators.length}`] : []),
                ],
              },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      };

export const finalDocument = (memorandum: Memorandum, renderedAt: string): TDocumentDefinitions => {
  const { content } = memorandum;
  return {
    info: { title: content.title.en ?? content.title.uk ?? 'Memorandum', subject: `Memorandum ${memorandum.id}, revision ${memorandum.revision}`, creator: 'Pakt', creationDate: new Date(renderedAt) },
    pageMargins: [40, 40, 40, 50],
    footer: footer(`Pakt · ${memorandum.id} · Редакція / Revision ${memorandum.revision}`),
    styles,
    content: [
      { text: 'МЕМОРАНДУМ ПРО СПІВПРАЦЮ · MEMORANDUM OF COOPERATION', style: 'small', alignment: 'center', margin: [0, 0, 0, 8] },
      ...both(content.title, 'title'),
      { text: `Строк дії / Term: ${content.term.start} — ${content.term.end ?? 'безстроково / open-ended'}`, alignment: 'center', margin: [0, 6, 0, 10] },
      { text: 'Сторони / Parties', style: 'heading' },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto'],
          body: [
            [{ text: 'Організація / Organisation', style: 'tableHeader' }, { text: 'Роль / Role', style: 'tableHeader' }],
            ...content.parties.map((party) => [orgLine(memorandum, party.orgId), { stack: both(party.role) }]),
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
        { text: orgLine(memorandum, party.orgId), style: 'subheading' },
        obligationsTable(content.obligations.filter((obligation) => obligation.partyOrgId === party.orgId)),
      ]),
      { text: 'Підписи сторін / Signatures', style: 'heading', pageBreak: 'before' },
      ...content.parties.map((party): Content => {
        const signatory = party.signatoryUserId ? memorandum.directory.people[party.signatoryUserId] : undefined;
        return {
          unbreakable: true,
          margin: [0, 8, 0, 18],
          stack: [
            { text: orgLine(memorandum, party.orgId), bold: true },
            { text: signatory ? `${signatory.name}${signatory.position ? `, ${signatory.position}` : ''}` : '', margin: [0, 4, 0, 0] },
            { canvas: [{ type: 'line', x1: 0, y1: 24, x2: 220, y2: 24, lineWidth: 0.7 }] },
            { text: 'Підпис / Signature          Дата / Date', style: 'small', margin: [0, 2, 0, 0] },
          ],
        };
      }),
    ],
  };
};

export const certificateDocument = (memorandum: Memorandum, signatures: Signature[], documentHash: string, chainHeadHash: string, completedAt: string): TDocumentDefinitions => ({
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
          ['Редакція / Revision', String(memorandum.reviewRevision ?? memorandum.revision)],
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
