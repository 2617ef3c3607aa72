import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../functions/documents/pdf.js';
import { amendmentDocument, certificateDocument, finalDocument } from '../../functions/memoranda/documents.js';
import { diffContents } from '../../functions/memoranda/diff.js';
import { newAmendment } from '../../functions/memoranda/amendment-workflow.js';
import type { Memorandum } from '../../functions/memoranda/schema.js';
import { caseMemorandumContent, memorandumCase } from '../../infra/local/cases.js';
import { pdfFonts, pdfText, renderPdfPages } from '../support/pdf.js';

/**
 * The PDFs carry the parties, purposes and obligations, in Ukrainian and
 * English, with an embedded font: checked by extracting their text (MuPDF);
 * PNG renderings land in screenshots/ to look at.
 */
const ngo = '01J00000000000000000000001';
const council = '01J00000000000000000000002';

/** The case's obligations, each with its own due date (one-off for the last) and a category: terms the text must state. */
const withTerms = (content: Memorandum['content']): Memorandum['content'] => ({
  ...content,
  obligations: content.obligations.map((obligation, index, all) => ({
    ...obligation,
    dueDate: `2026-${String(index + 2).padStart(2, '0')}-${index % 2 === 0 ? '28' : '15'}`,
    ...(index === all.length - 1 ? { recurrence: 'once' as const } : {}),
    ...(index % 3 === 0 ? { category: `Інформування ${index + 1}` } : {}),
    ...(index === 0 ? { responsible: { name: 'Оксана Мельник', contact: '+380 61 000 0002' } } : {}),
  })),
});

const memorandum: Memorandum = {
  id: '01J00000000000000000000201', status: 'signed', draftingOrgId: ngo, revision: 2, reviewRevision: 2, version: 9, createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-02-01T09:00:00.000Z',
  content: withTerms(caseMemorandumContent({ ngoOrgId: ngo, councilOrgId: council, ngoSignatory: 'u1', councilSignatory: 'u2' })),
  directory: {
    organisations: { [ngo]: { uk: 'ГО «Асоціація родичів політв’язнів Кремля»', en: 'NGO Association of Relatives of Political Prisoners of the Kremlin' }, [council]: { uk: 'Молочанська міська рада Запорізької області', en: 'Molochansk City Council' } },
    people: { u1: { name: 'Олена Коваль', position: 'Програмна координаторка', orgId: ngo }, u2: { name: 'Ігор Петренко', position: 'Секретар міської ради', orgId: council } },
  },
  comments: [], parties: [], signedBy: [ngo, council], signatures: [], documents: {},
};
const signatures = [
  { orgId: council, userId: 'u2', fullName: 'Ігор Петренко', position: 'Секретар міської ради', at: '2026-02-01T08:00:00.000Z', documentHash: 'a'.repeat(64), sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
  { orgId: ngo, userId: 'u1', fullName: 'Олена Коваль', position: 'Програмна координаторка', at: '2026-02-01T09:00:00.000Z', documentHash: 'a'.repeat(64), sourceIp: '198.51.100.4', userAgent: 'Mozilla/5.0' },
];

const textOf = async (bytes: Uint8Array, name: string, pages = 1): Promise<string> => {
  await renderPdfPages(bytes, `pdf-${name}`, { pages });
  return pdfText(bytes).replace(/\s+/g, ' ');
};

describe('memorandum PDFs', () => {
  let finalText = '';
  let certificateText = '';
  let fonts: { name: string; embedded: boolean }[] = [];

  beforeAll(async () => {
    const final = await renderPdf(finalDocument(memorandum, '2026-01-31T10:00:00.000Z'));
    // Page 3 holds the obligations' terms.
    finalText = await textOf(final, 'memorandum-final', 3);
    certificateText = await textOf(await renderPdf(certificateDocument(memorandum, signatures, 'a'.repeat(64), 'b'.repeat(64), '2026-02-01T09:00:00.000Z')), 'memorandum-certificate');
    fonts = pdfFonts(final);
  });

  it('embed their Unicode font', () => {
    expect(fonts.map((font) => font.name)).toEqual(expect.arrayContaining([expect.stringMatching(/Roboto/)]));
    expect(fonts.every((font) => font.embedded)).toBe(true);
  });

  it('the final text names the parties in Ukrainian and English', () => {
    expect(finalText).toContain('Молочанська міська рада Запорізької області');
    expect(finalText).toContain('Молочанська міська рада Запорізької області / Molochansk City Council');
    expect(finalText).toContain('Меморандум про співпрацю між ГО «Асоціація родичів політв’язнів Кремля»');
  });

  it('the final text carries every purpose, area and each party\'s obligations', () => {
    for (const item of [...memorandumCase.purposes, ...memorandumCase.areas, ...memorandumCase.councilObligations, ...memorandumCase.ngoObligations]) {
      expect(finalText).toContain(item.slice(0, 40).replace(/\s+/g, ' '));
    }
    expect(finalText).toContain('Ігор Петренко, Секретар міської ради');
  });

  it('the final text states each obligation\'s terms: due date, recurrence, category and each indicator\'s unit, baseline and target', () => {
    const { obligations } = memorandum.content;
    expect(obligations.length).toBe(9);
    for (const obligation of obligations) {
      expect(finalText).toContain(`Строк / Due: ${obligation.dueDate ?? 'missing'}`);
      if (obligation.category) expect(finalText).toContain(`Категорія / Category: ${obligation.category}`);
      for (const indicator of obligation.indicators ?? []) {
        expect(finalText).toContain(`${indicator.name.uk ?? 'missing'} / ${indicator.name.en ?? 'missing'}; ${indicator.unit}: базове значення / baseline ${indicator.baseline}, ціль / target ${indicator.target}`);
      }
    }
    expect(finalText.match(/Періодичність \/ Recurrence: щокварталу \/ quarterly/g)).toHaveLength(8);
    expect(finalText).toContain('Періодичність / Recurrence: одноразово / once');
    expect(finalText).toContain('Відповідальна особа / Responsible: Оксана Мельник (+380 61 000 0002)');
    expect(obligations.flatMap((obligation) => obligation.indicators ?? [])).toHaveLength(3);
  });

  it('the certificate names signers, times, the document hash and the audit-chain head', () => {
    expect(certificateText).toContain('СЕРТИФІКАТ ЗАВЕРШЕННЯ ПІДПИСАННЯ');
    expect(certificateText).toContain('Олена Коваль, Програмна координаторка');
    expect(certificateText).toContain('203.0.113.7');
    expect(certificateText).toContain('aaaaaaaaaaaaaaaa');
    expect(certificateText).toContain('bbbbbbbbbbbbbbbb');
    expect(certificateText).toContain('2026-02-01 09:00:00');
  });
});

describe('an amendment\'s PDF', () => {
  const melitopol = '01J00000000000000000000007';
  const amended: Memorandum['content'] = {
    ...memorandum.content,
    term: { ...memorandum.content.term, end: '2027-12-31' },
    parties: [...memorandum.content.parties, { orgId: melitopol, role: { uk: 'Міська рада', en: 'City Council' }, approverUserId: 'u3', signatoryUserId: 'u3' }],
    obligations: [
      ...memorandum.content.obligations.filter((obligation) => obligation.id !== 'c5'),
      { id: 'm1', partyOrgId: melitopol, text: { uk: 'Надає приміщення для зустрічей з родинами.', en: 'Provides premises for meetings with families.' }, dueDate: '2027-06-30', recurrence: 'once' },
    ],
  };
  const amendment = {
    ...newAmendment(memorandum, { orgId: ngo, revision: 5, summary: { uk: 'Приєднується Мелітопольська міська рада; строк продовжено.', en: 'Melitopol City Council joins; the term is extended.' }, now: '2026-05-01T09:00:00.000Z' }),
    content: amended, revision: 5, reviewRevision: 5,
    directory: { organisations: { ...memorandum.directory.organisations, [melitopol]: { uk: 'Мелітопольська міська рада Запорізької області', en: 'Melitopol City Council' } }, people: { ...memorandum.directory.people, u3: { name: 'Іван Федоров', position: 'Міський голова', orgId: melitopol } } },
    parties: [ngo, council, melitopol].map((orgId) => ({ orgId, approval: 'approved' as const })),
  };
  let text = '';

  beforeAll(async () => {
    const bytes = await renderPdf(amendmentDocument({ memorandum, amendment, changes: diffContents(memorandum.content, amended), renderedAt: '2026-05-02T09:00:00.000Z' }));
    text = await textOf(bytes, 'amendment-final', 2);
  });

  it('states what changes: a party joins, the term, an obligation added and one ended', () => {
    expect(text).toContain('ДОДАТКОВА УГОДА № 1 · SUPPLEMENTARY AGREEMENT No. 1');
    expect(text).toContain('Приєднується Мелітопольська міська рада; строк продовжено.');
    expect(text).toContain('Приєднується / Joins: Мелітопольська міська рада Запорізької області / Melitopol City Council');
    expect(text).toContain('було / was 2026-01-15 — безстроково / open-ended; стає / becomes 2026-01-15 — 2027-12-31');
    expect(text).toContain('Нове зобов’язання / New obligation: Надає приміщення для зустрічей з родинами. Provides premises for meetings with families. Строк / Due: 2027-06-30; Періодичність / Recurrence: одноразово / once');
    expect(text).toContain('Припиняється / Ends: Сприяє документуванню воєнних злочинів і злочинів проти людяності.');
  });

  it('then the memorandum as amended, with the terms of the new obligation and a signature line for all three parties', () => {
    expect(text).toContain('Меморандум у редакції цієї угоди / The memorandum as amended');
    expect(text).toContain('Строк / Due: 2027-06-30');
    expect(text).toContain('Іван Федоров, Міський голова');
    expect(text).toContain('Ігор Петренко, Секретар міської ради');
  });
});
