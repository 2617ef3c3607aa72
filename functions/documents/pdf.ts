import type * as PdfmakeApi from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fontFiles, fontPath } from './fonts.js';

/**
 * Renders a pdfmake document definition to PDF bytes with the embedded Unicode
 * font. No network or file access beyond the font files.
 */
const fonts = {
  Roboto: { normal: fontPath(fontFiles.normal), bold: fontPath(fontFiles.bold), italics: fontPath(fontFiles.italics), bolditalics: fontPath(fontFiles.bolditalics) },
};
const allowedFiles = new Set(Object.values(fonts.Roboto));

/**
 * pdfmake loads on the first render, not at cold start: most requests to the
 * Lambdas that carry it (uploads, links, CSV, the calendar feed) render nothing.
 */
type Pdfmake = typeof PdfmakeApi;
let loaded: Promise<Pdfmake> | undefined;
const pdfmake = () =>
  // pdfmake is CommonJS: its API is the module's default export when imported.
  (loaded ??= (import('pdfmake') as unknown as Promise<{ default: Pdfmake }>).then(({ default: maker }) => {
    maker.setFonts(fonts);
    maker.setUrlAccessPolicy(() => false);
    maker.setLocalAccessPolicy((path) => allowedFiles.has(path));
    return maker;
  }));

export const renderPdf = async (definition: TDocumentDefinitions): Promise<Uint8Array> => {
  const buffer = await (await pdfmake()).createPdf({ ...definition, defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25, ...definition.defaultStyle } }).getBuffer();
  return new Uint8Array(buffer);
};
