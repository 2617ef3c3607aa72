/**
 * CSV as spreadsheet programs read it (pure): UTF-8 with a byte-order mark (so
 * Excel shows Cyrillic), CRLF line ends, RFC 4180 quoting. Text that a
 * spreadsheet would run as a formula (= + - @ at the start) gets a leading
 * apostrophe: exported free text must never execute on a funder's machine.
 */
export type CsvValue = string | number | undefined | null;

const formulaStart = /^[=+\-@\t\r]/;

export const csvField = (value: CsvValue): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export const toCsv = (rows: CsvValue[][]): string => `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
