import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv } from './csv';

describe('escapeCsvCell', () => {
  it('neutralises a formula like =cmd|\' /C calc\'!A0 with a leading single quote', () => {
    expect(escapeCsvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
  });
  it('prefixes every formula trigger: + - @ tab and carriage return too', () => {
    expect(escapeCsvCell('+1+1')).toBe("'+1+1");
    expect(escapeCsvCell('-2+3')).toBe("'-2+3");
    expect(escapeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCsvCell('\t=1')).toBe("'\t=1");
    expect(escapeCsvCell('\r=1')).toBe('"\'\r=1"');
  });
  it('prefixes a leading NUL and line feed (ASVS 1.2.10 names NUL)', () => {
    expect(escapeCsvCell('\0=1+1')).toBe("'\0=1+1");
    expect(escapeCsvCell('\n=1')).toBe('"\'\n=1"');
  });
  it('prefixes the full-width and small forms of = + - @ that East Asian spreadsheets read as formulas', () => {
    for (const start of ['\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE66', '\uFE62', '\uFE63', '\uFE6B']) {
      expect(escapeCsvCell(`${start}SUM(1,1)`)).toBe(`"'${start}SUM(1,1)"`);
      expect(escapeCsvCell(`${start}1`)).toBe(`'${start}1`);
    }
    expect(escapeCsvCell('＝HYPERLINK("http://diffuse-shop.com")')).toBe('"\'＝HYPERLINK(""http://diffuse-shop.com"")"');
  });
  it('leaves those characters alone when they are not first', () => {
    expect(escapeCsvCell('a＝b')).toBe('a＝b');
    expect(escapeCsvCell('a=b\0')).toBe('a=b\0');
  });
  it('quotes cells with commas, quotes or line breaks, doubling inner quotes', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('keeps a formula quoted as one cell even when it tries to break out with a quote and comma', () => {
    expect(escapeCsvCell('=1+2",=3')).toBe('"\'=1+2"",=3"');
  });
  it('writes numbers and booleans as they are, and null/NaN as empty', () => {
    expect([escapeCsvCell(-3), escapeCsvCell(0.48), escapeCsvCell(true), escapeCsvCell(null), escapeCsvCell(Number.NaN)]).toEqual(['-3', '0.48', 'true', '', '']);
  });
  it('leaves ordinary host names untouched', () => {
    expect(escapeCsvCell('www.google-analytics.com')).toBe('www.google-analytics.com');
  });
});

describe('toCsv', () => {
  it('joins cells with commas and ends with a line break', () => {
    expect(toCsv([['a', 1], ['=b', null]])).toBe("a,1\r\n'=b,\r\n");
  });
});
