import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * Validates an IATI activity file against the IATI 2.03 schema with libxml2
 * compiled to WebAssembly (a copy of ../shared/iati-2.03, with its licence,
 * in test/fixtures). The schema's include and import are preloaded into
 * xmllint's in-memory file system under the names the schema uses.
 */
const folder = resolve(import.meta.dirname, '../fixtures/iati-2.03');
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(resolve(folder, fileName), 'utf8') });
const schema = schemaFile('iati-activities-schema.xsd');
const imported = [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')];

/** 'valid', or xmllint's errors, one a line. */
export const validateIati = async (xml: string): Promise<string> => {
  const result = await validateXML({ xml: { fileName: 'activity.xml', contents: xml }, schema, preload: imported });
  return result.valid ? 'valid' : result.errors.map((error) => error.rawMessage).join('\n');
};
