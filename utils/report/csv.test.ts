import { describe, expect, it } from 'vitest';
import { createAttributor } from '../attribution/lookup';
import { realTable } from '../../tests/support/attribution-fixtures';
import { contactsCsv, escapeCsvCell, organizationsCsv, toCsv } from './csv';
import { buildPageReport } from './page-report';

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

describe('report CSVs', () => {
  const report = buildPageReport({
    site: 'example.org',
    contacts: [{ host: 'www.example.org', requests: 2 }, { host: 'connect.facebook.net', requests: 3, blocked: 1 }],
  }, createAttributor(realTable()));

  it('writes one row per contact with a header, CRLF line ends', () => {
    expect(contactsCsv([{ ...report, page: { url: 'https://example.org/?q=a,b' } }])).toBe(
      'site,page_url,host,organization,product,category,requests,blocked,third_party\r\n' +
      'example.org,"https://example.org/?q=a,b",connect.facebook.net,Meta,Facebook,advertising,3,1,true\r\n' +
      'example.org,"https://example.org/?q=a,b",www.example.org,,,,2,0,false\r\n',
    );
  });

  it('writes one row per company with share and the page HHI', () => {
    expect(organizationsCsv([report]).split('\r\n')[1]).toBe('example.org,,Meta,3,1,1,advertising,connect.facebook.net,10000');
  });

  it('toCsv joins cells with commas and ends with a line break', () => {
    expect(toCsv([['a', 1], ['=b', null]])).toBe("a,1\r\n'=b,\r\n");
  });
});
