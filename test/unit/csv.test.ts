import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../functions/exports/csv.js';

describe('CSV', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(toCsv([['Показник', 'Значення'], ['Навчені активісти', 24]])).toBe('\uFEFFПоказник,Значення\r\nНавчені активісти,24\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+380 44 123', "'+380 44 123"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('escapes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as numbers and nothing for missing values', () => {
    expect([csvField(-3), csvField(2.5), csvField(undefined), csvField(null), csvField(Number.NaN)]).toEqual(['-3', '2.5', '', '', '']);
  });
});
