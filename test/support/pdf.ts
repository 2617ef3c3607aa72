import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as mupdf from 'mupdf';

/**
 * PDFs read the way a person reads them, with MuPDF compiled to WebAssembly
 * (what poppler's pdftotext, pdftoppm and pdffonts did, without a system package).
 */

const open = (bytes: Uint8Array) => mupdf.Document.openDocument(bytes, 'application/pdf');

/** The text of every page, in reading order, a line per line of the page. */
export const pdfText = (bytes: Uint8Array): string => {
  const document = open(bytes);
  const pages: string[] = [];
  for (let index = 0; index < document.countPages(); index += 1) {
    pages.push(document.loadPage(index).toStructuredText('preserve-whitespace').asText());
  }
  return pages.join('\f');
};

/** The fonts the document uses, and whether each is embedded (carries its font file). */
export const pdfFonts = (bytes: Uint8Array): { name: string; embedded: boolean }[] => {
  const document = open(bytes).asPDF();
  if (!document) throw new Error('not a PDF');
  const fonts: { name: string; embedded: boolean }[] = [];
  for (let number = 1; number < document.countObjects(); number += 1) {
    const object = document.newIndirect(number).resolve();
    if (!object.isDictionary() || object.get('Type').asName() !== 'FontDescriptor') continue;
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => !object.get(key).isNull());
    fonts.push({ name: object.get('FontName').asName(), embedded });
  }
  return fonts;
};

/** Renders pages to PNG files under screenshots/ (`<name>-<page>.png`), to look at. */
export const renderPdfPages = async (bytes: Uint8Array, name: string, options: { dpi?: number; pages?: number } = {}): Promise<string[]> => {
  const document = open(bytes);
  const folder = resolve(import.meta.dirname, '../../screenshots');
  await mkdir(folder, { recursive: true });
  const scale = (options.dpi ?? 60) / 72;
  const count = Math.min(document.countPages(), options.pages ?? Number.POSITIVE_INFINITY);
  const files: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const pixmap = document.loadPage(index).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    const file = join(folder, `${name}-${index + 1}.png`);
    await writeFile(file, pixmap.asPNG());
    files.push(file);
  }
  return files;
};
