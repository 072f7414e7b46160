import { describe, expect, it } from 'vitest';
import { createSuffixTable, NOT_CLEAN } from './suffix-table';

const table = (domains: string[], hashMask?: number) =>
  createSuffixTable(new Map(domains.map((d) => [d, d])), hashMask === undefined ? {} : { hashMask });

describe('createSuffixTable: longest dot-suffix of a host', () => {
  const t = table(['example.com', 'deep.b.example.com', 'cdn.net', 'x.cdn.net', 'y.x.cdn.net']);

  it('takes the longest listed suffix, on label boundaries only', () => {
    expect(t.longest('a.deep.b.example.com')).toBe('deep.b.example.com');
    expect(t.longest('deep.b.example.com')).toBe('deep.b.example.com');
    expect(t.longest('a.b.example.com')).toBe('example.com');
    expect(t.longest('z.y.x.cdn.net')).toBe('y.x.cdn.net');
    expect(t.longest('z.x.cdn.net')).toBe('x.cdn.net');
    expect(t.longest('notexample.com')).toBeNull();
    expect(t.longest('eep.b.example.com')).toBe('example.com');
  });

  it('does not answer for an ancestor that only leads to listed domains', () => {
    const deepOnly = table(['a.b.c.com']);
    expect(deepOnly.longest('b.c.com')).toBeNull();
    expect(deepOnly.longest('c.com')).toBeNull();
    expect(deepOnly.longest('x.b.c.com')).toBeNull();
    expect(deepOnly.longest('com')).toBeNull();
  });

  it('walks past unlisted ancestors to a deeper entry (the early stop only stops where nothing longer is listed)', () => {
    const deepOnly = table(['a.b.c.com']);
    expect(deepOnly.longest('x.a.b.c.com')).toBe('a.b.c.com');
    expect(deepOnly.longest('w.x.a.b.c.com')).toBe('a.b.c.com');
    expect(deepOnly.longest('a.b.c.com')).toBe('a.b.c.com');
  });

  it('confirms every hash hit by the string: with all hashes forced equal the answers do not change', () => {
    const domains = ['example.com', 'deep.b.example.com', 'b.com', 'c.com', 'ab.com', 'cdn.net', 'x.cdn.net'];
    const hosts = ['a.deep.b.example.com', 'a.b.example.com', 'x.b.com', 'x.c.com', 'x.d.com', 'x.ab.com', 'b.ab.com',
      'y.x.cdn.net', 'cdn.net', 'net', 'x.cdn.org', 'zz.b.com', 'x.bb.com'];
    const colliding = table(domains, 0);
    const plain = table(domains);
    for (const host of hosts) expect(colliding.longest(host), host).toBe(plain.longest(host));
    // Same length, same (forced) hash, different text: never taken for one another.
    expect(colliding.longest('x.d.com')).toBeNull();
    expect(colliding.longest('x.bb.com')).toBeNull();
    expect(colliding.longest('x.c.com')).toBe('c.com');
    expect(colliding.longest('b.ab.com')).toBe('ab.com');
  });

  it('tries the whole host even when it is one label, and never a last label alone', () => {
    const t2 = table(['localhost', 'com', 'x.com']);
    expect(t2.longest('localhost')).toBe('localhost');
    expect(t2.longest('com')).toBe('com');
    expect(t2.longest('a.com')).toBeNull();
    expect(t2.longest('a.x.com')).toBe('x.com');
    expect(t2.longest('')).toBeNull();
  });

  it('reads odd hosts as a label walk would: leading and doubled dots, trailing dot, IP addresses', () => {
    expect(t.longest('.example.com')).toBe('example.com');
    expect(t.longest('a..example.com')).toBe('example.com');
    expect(t.longest('example.com.')).toBeNull();
    expect(t.longest('.')).toBeNull();
    expect(t.longest('203.0.113.7')).toBeNull();
    expect(t.longest('2001:db8::1')).toBeNull();
    expect(table(['113.7']).longest('203.0.113.7')).toBe('113.7');
  });
});

describe('createSuffixTable: limits of the packed slot', () => {
  it('refuses more keys than a slot can index, with a message, instead of answering wrongly', () => {
    const many = Array.from({ length: 65_535 }, (_, i) => `d${i}.com`); // and "com", the ancestor of them all
    expect(() => table(many)).toThrow(/65536 keys, more than the 65535/);
    const full = table(many.slice(1)); // exactly 65,535 keys: the last one holds the largest index
    expect(full.longest('www.d65534.com')).toBe('d65534.com');
    expect(full.longest('www.d1.com')).toBe('d1.com');
  });

  it('never matches a key longer than any host, and still answers for the shorter ones', () => {
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example.com`; // 267 characters
    const t = table([long, 'example.com']);
    expect(t.longest(`x.${long}`)).toBe('example.com');
    expect(t.longest('www.example.com')).toBe('example.com');
  });
});

describe('createSuffixTable: longestClean checks the host in the same walk', () => {
  const t = table(['example.com', 'a.b.c.com']);

  it('answers for lower-case LDH hosts, as longest does', () => {
    for (const host of ['www.example.com', 'example.com', 'x.a.b.c.com', 'b.c.com', 'my_host-1.example.com', 'nobody.org', 'x', '.example.com']) {
      expect(t.longestClean(host), host).toBe(t.longest(host));
    }
  });

  it('refuses hosts normalizeHost would change, wherever the odd character is (also before the point where the walk stops)', () => {
    for (const host of ['WWW.example.com', 'www.Example.com', 'www.example.COM', 'example.com.', 'example.com:443', ' www.example.com',
      'www.example.com ', '[2001:db8::1]', '2001:db8::1', 'bücher.example.com', 'Zzz.unlisted.org', 'a:b.example.com', '']) {
      expect(t.longestClean(host), JSON.stringify(host)).toBe(NOT_CLEAN);
    }
  });
});
