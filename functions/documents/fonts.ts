import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Roboto (it covers Cyrillic and Latin) from pdfmake's package. In a Lambda
 * bundle the files are copied next to the code (the ApiFunction `fonts`
 * option); elsewhere they are read from node_modules.
 */
export const fontFiles = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } as const;

const bundledDir = join(dirname(fileURLToPath(import.meta.url)), 'fonts');

export const fontPath = (file: string): string => {
  const bundled = join(bundledDir, file);
  return existsSync(bundled) ? bundled : createRequire(import.meta.url).resolve(`pdfmake/fonts/Roboto/${file}`);
};
