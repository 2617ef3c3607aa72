import pdfmake from 'pdfmake';
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

pdfmake.setFonts(fonts);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));

export const renderPdf = async (definition: TDocumentDefinitions): Promise<Uint8Array> => {
  const buffer = await pdfmake.createPdf({ ...definition, defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25, ...definition.defaultStyle } }).getBuffer();
  return new Uint8Array(buffer);
};
