import { describe, expect, it } from 'vitest';
import { importGraph, isTestFile, readImports, resolveSpecifier } from './source-tree';

describe('source tree', () => {
  it('reads static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '@/utils/b';",
      "export { c } from '../c';",
      "export type { D } from './d';",
      "const e = await import('./e');",
      "import 'preact';",
    ].join('\n');
    expect(readImports(text)).toEqual(['./a', '@/utils/b', '../c', './d', './e', 'preact']);
  });

  it('resolves relative and aliased specifiers to repo files, and leaves packages out', () => {
    const files = new Set(['utils/dns/wire.ts', 'utils/dns/errors.ts', 'components/Table.tsx', 'utils/messages/index.ts', 'utils/x.tsx']);
    const exists = (path: string) => files.has(path);
    expect(resolveSpecifier('utils/dns/pool.ts', './wire', exists)).toBe('utils/dns/wire.ts');
    expect(resolveSpecifier('utils/dns/pool.ts', './errors.ts', exists)).toBe('utils/dns/errors.ts');
    expect(resolveSpecifier('entrypoints/popup/App.tsx', '@/components/Table', exists)).toBe('components/Table.tsx');
    expect(resolveSpecifier('entrypoints/popup/App.tsx', '~/utils/messages', exists)).toBe('utils/messages/index.ts');
    expect(resolveSpecifier('utils/dns/pool.ts', '../x', exists)).toBe('utils/x.tsx');
    expect(resolveSpecifier('utils/dns/pool.ts', 'dexie', exists)).toBeNull();
    expect(resolveSpecifier('utils/dns/pool.ts', './nowhere', exists)).toBeNull();
  });

  it('tells test files from the rest', () => {
    expect(['a.test.ts', 'b.test.tsx', 'tests/e2e/c.e2e.ts'].every(isTestFile)).toBe(true);
    expect(['utils/test-fixtures.ts', 'tests/support/doh-server.ts', 'bench/x.ts'].some(isTestFile)).toBe(false);
  });

  it('builds the graph from resolved imports only, once per target', () => {
    const graph = importGraph([
      { path: 'a.ts', text: '', imports: [{ specifier: './b', resolved: 'b.ts' }, { specifier: './b.ts', resolved: 'b.ts' }, { specifier: 'preact', resolved: null }] },
      { path: 'b.ts', text: '', imports: [{ specifier: './gone', resolved: 'gone.ts' }] },
    ]);
    expect(graph).toEqual(new Map([['a.ts', ['b.ts']], ['b.ts', []]]));
  });
});
