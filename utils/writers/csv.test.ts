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
