import { describe, expect, it } from 'vitest';
import { createAttributor } from './company-lookup';
import { currentOwner, EXTRA_DOMAINS, OWNER_CHANGES } from './owner-changes';
import { realTable } from '../../tests/support/attribution-fixtures';

describe('owners kept current', () => {
  it('follows a chain to today\'s owner: TouchCommerce → Nuance → Microsoft, Skimlinks → Connexity → Taboola', () => {
    expect(currentOwner('TouchCommerce')).toBe('Microsoft');
    expect(currentOwner('SkimLinks')).toBe('Taboola');
    expect(currentOwner('Conversant')).toBe('Publicis Groupe');
    expect(currentOwner('Google')).toBe('Google');
  });

  it('gives every row a source URL and never renames a company to itself', () => {
    for (const row of [...OWNER_CHANGES, ...EXTRA_DOMAINS]) expect(row.source, JSON.stringify(row)).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    for (const row of OWNER_CHANGES) expect(row.to).not.toBe(row.from);
  });

  it('dates every change no later than this year and points it at an https address', () => {
    const thisYear = new Date().getFullYear();
    for (const row of OWNER_CHANGES) {
      expect(row.source, row.from).toMatch(/^https:\/\//);
      expect(Number.isInteger(row.year), row.from).toBe(true);
      expect(row.year, row.from).toBeLessThanOrEqual(thisYear);
    }
  });

  it('on the real table: no old name is left, and every company a renamed one became owns domains', () => {
    const table = realTable();
    const names = new Set(table.organizations);
    for (const row of OWNER_CHANGES) {
      expect(names.has(row.from), `${row.from} still in the table`).toBe(false);
      expect(names.has(currentOwner(row.from)), `${currentOwner(row.from)} (was ${row.from}) owns nothing`).toBe(true);
    }
  });

  it('resolves hosts of renamed and acquired companies to their owner today', () => {
    const attribute = createAttributor(realTable());
    const cases: [string, string][] = [
      ['gateway.foresee.com', 'Verint'],
      ['tags.w55c.net', 'Roku'], // DataXu's ad server
      ['cdn.perimeterx.net', 'Human Security'],
      ['cdn.dynamicyield.com', 'Mastercard'],
      ['s.skimresources.com', 'Taboola'],
      ['px.mountain.com', 'MNTN'],
      ['tags.crwdcntrl.net', 'Publicis Groupe'],
      ['cdn.appdynamics.com', 'Cisco'],
      ['d1ah2s8pz3s3.oracleinfinity.io', 'Oracle'],
    ];
    for (const [host, owner] of cases) expect(attribute(host)?.organization, host).toBe(owner);
  });
});
