import { describe, expect, it } from 'vitest';
import { parseResolveArgs } from './resolve-args';

const ok = (argv: string[]) => {
  const parsed = parseResolveArgs(argv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.args;
};
const error = (argv: string[]) => {
  const parsed = parseResolveArgs(argv);
  if (parsed.ok) throw new Error('expected a usage error');
  return parsed.error;
};

describe('parseResolveArgs', () => {
  it('defaults to the site strategy, the default resolvers (empty list) and each name’s own site', () => {
    expect(ok(['example.com'])).toEqual({ resolvers: [], strategy: 'site', site: undefined, caFiles: [], names: ['example.com'], help: false });
  });

  it('takes repeated resolvers and CAs in order, in both --opt value and --opt=value forms, without duplicates', () => {
    const args = ok([
      '--resolver', 'https://127.0.0.1:8443/dns-query', '--resolver=https://dns.example/dns-query{?dns}',
      '--resolver', 'https://127.0.0.1:8443/dns-query', '--ca', 'a.pem', '--ca=b.pem', 'one.test', 'two.test',
    ]);
    expect(args.resolvers).toEqual(['https://127.0.0.1:8443/dns-query', 'https://dns.example/dns-query{?dns}']);
    expect(args.caFiles).toEqual(['a.pem', 'b.pem']);
    expect(args.names).toEqual(['one.test', 'two.test']);
  });

  it('accepts every strategy and a site', () => {
    for (const strategy of ['site', 'name', 'round-robin', 'random', 'single'] as const) {
      expect(ok(['--strategy', strategy, '--site', 'news.example', 'x.test'])).toMatchObject({ strategy, site: 'news.example' });
    }
  });

  it('treats everything after -- as a name', () => {
    expect(ok(['--', '--resolver', 'x.test']).names).toEqual(['--resolver', 'x.test']);
  });

  it('says what is wrong with a bad command line', () => {
    expect(error([])).toMatch(/at least one NAME/);
    expect(error(['--strategy', 'fastest', 'x.test'])).toMatch(/--strategy must be one of site, name, round-robin, random, single/);
    expect(error(['--resolver'])).toMatch(/--resolver needs a value/);
    expect(error(['--resolver=', 'x.test'])).toMatch(/--resolver needs a value/);
    expect(error(['--resolver', 'http://dns.example/dns-query', 'x.test'])).toMatch(/must use https/);
    expect(error(['--resolver', 'https://dns.example/q?dns=AAA', 'x.test'])).toMatch(/dns= parameter/);
    expect(error(['--verbose', 'x.test'])).toBe('Unknown option --verbose.');
  });

  it('lets --help stand alone', () => {
    expect(ok(['--help']).help).toBe(true);
    expect(ok(['-h']).names).toEqual([]);
  });
});
