import { describe, expect, it } from 'vitest';
import {
  capabilityFactoryName,
  checkBackgroundLayout,
  checkLivingGlobs,
  checkNoTestImports,
  checkOneHandler,
  checkPureCore,
  checkStorageOwner,
  checkUniqueNames,
  configGlobs,
  exportedNames,
  globToRegExp,
  stringKeys,
  stripComments,
} from './rules';

/** A file that imports the given repo files (specifier written as `@/<target>` without extension). */
const file = (path: string, targets: string[] = [], text = '') => ({
  path,
  text,
  imports: targets.map((target) => ({ specifier: target.includes('/') || target.includes('.') ? `@/${target.replace(/\.tsx?$/, '')}` : target, resolved: /\.tsx?$/.test(target) ? target : null })),
});

describe('utils/ is the pure core', () => {
  it('flags utils/ files, tests included, that import outside the core', () => {
    expect(checkPureCore([
      file('utils/a.ts', ['utils/b.ts', 'entrypoints/background/x.ts', 'preact']),
      file('utils/a.test.ts', ['tests/support/fake.ts', 'tests/e2e/harness/x.ts', 'entrypoints/background/y.ts']),
      file('utils/d.ts', ['tests/support/fake.ts']),
      file('utils/c.ts', ['components/Table.tsx', 'scripts/cli.ts', 'bench/b.ts']),
      file('entrypoints/popup/App.tsx', ['components/Table.tsx']),
    ])).toEqual([
      "utils/a.ts imports entrypoints/background/x.ts ('@/entrypoints/background/x')",
      "utils/a.test.ts imports tests/e2e/harness/x.ts ('@/tests/e2e/harness/x')",
      "utils/a.test.ts imports entrypoints/background/y.ts ('@/entrypoints/background/y')",
      "utils/d.ts imports tests/support/fake.ts ('@/tests/support/fake')",
      "utils/c.ts imports components/Table.tsx ('@/components/Table')",
      "utils/c.ts imports scripts/cli.ts ('@/scripts/cli')",
      "utils/c.ts imports bench/b.ts ('@/bench/b')",
    ]);
  });

  it('passes a core that imports only itself and packages', () => {
    expect(checkPureCore([file('utils/a.ts', ['utils/b.ts', 'dexie'])])).toEqual([]);
  });
});

describe('product code never imports tests/', () => {
  it('flags non-test product files that import tests/, and lets tests, bench and tests/ itself do so', () => {
    expect(checkNoTestImports([
      file('entrypoints/background/x.ts', ['tests/support/fake.ts']),
      file('companion/main.ts', ['tests/e2e/harness/chromium.ts']),
      file('entrypoints/background/x.test.ts', ['tests/support/fake.ts']),
      file('components/A.test.tsx', ['tests/support/fake.ts']),
      file('tests/e2e/a.e2e.ts', ['tests/e2e/harness/chromium.ts']),
      file('bench/b.ts', ['tests/support/doh-server.ts']),
      file('utils/testsuite.ts', ['utils/tests-helper.ts']),
    ])).toEqual([
      "entrypoints/background/x.ts imports tests/support/fake.ts ('@/tests/support/fake')",
      "companion/main.ts imports tests/e2e/harness/chromium.ts ('@/tests/e2e/harness/chromium')",
    ]);
  });
});

describe('only the store touches storage', () => {
  it('blanks comments but keeps strings, regexes, JSX text and line numbers', () => {
    const text = [
      '// storage.local in a line comment',
      "const url = 'https://x'; /* storage.sync */ const y = 1;",
      '/** storage.session in JSDoc */',
      'const re = /\\/\\//; const z = `a // b`; // tail',
      'const el = <p>// shown</p>;',
    ].join('\n');
    const stripped = stripComments(text, 'x.tsx');
    expect(stripped.split('\n')).toHaveLength(5);
    expect(stripped).not.toMatch(/storage|tail/);
    expect(stripped).toContain("const url = 'https://x';");
    expect(stripped).toContain('const y = 1;');
    expect(stripped).toContain('const re = /\\/\\//; const z = `a // b`;');
    expect(stripped).toContain('<p>// shown</p>');
  });

  it('flags storage mentions and dexie imports outside the store, with their lines', () => {
    expect(checkStorageOwner([
      file('entrypoints/background/settings.ts', [], "// storage.local is fine here\nawait browser.storage.local.get('k');\nconst s = browser.storage.session;"),
      file('utils/db.ts', ['dexie'], "const open = indexedDB.open('x');"),
      file('components/Panel.tsx', [], 'const area = chrome.storage.sync; const m = browser.storage.managed;'),
      file('entrypoints/background/store/db.ts', ['dexie'], 'browser.storage.local.get(); indexedDB;'),
      file('entrypoints/background/x.test.ts', [], 'browser.storage.local.get();'),
      file('bench/history-browser.ts', [], 'indexedDB.open("diffuse");'),
      file('utils/storage.ts', [], "const localStorage = 'storage.localish';"),
    ])).toEqual([
      'entrypoints/background/settings.ts:2 mentions storage.local',
      'entrypoints/background/settings.ts:3 mentions storage.session',
      'utils/db.ts:1 mentions indexedDB',
      "utils/db.ts imports 'dexie'",
      'components/Panel.tsx:1 mentions storage.sync',
      'components/Panel.tsx:1 mentions storage.managed',
    ]);
  });
});

describe('background layout', () => {
  const dir = (name: string) => ({ name, isDirectory: true });
  const plain = (name: string) => ({ name, isDirectory: false });

  it('names each capability factory after its folder', () => {
    expect(capabilityFactoryName('pageload')).toBe('createPageloadCapability');
    expect(capabilityFactoryName('names')).toBe('createNamesCapability');
    expect(capabilityFactoryName('site-policy')).toBe('createSitePolicyCapability');
  });

  it('reads the names a module exports', () => {
    const text = [
      'export function createDnsCapability() {}',
      'export const helper = 1, other = 2;',
      'export class Thing {}',
      "export { inner as createNamesCapability } from './inner';",
      'function hidden() {}',
      'export default function createDefault() {}',
    ].join('\n');
    expect(exportedNames(text)).toEqual(['createDnsCapability', 'helper', 'other', 'Thing', 'createNamesCapability', 'createDefault']);
  });

  it('passes index.ts, store/, platform/ and capabilities that export their factory', () => {
    expect(checkBackgroundLayout(
      [plain('index.ts'), dir('store'), dir('platform'), dir('dns'), dir('pageload')],
      new Map([['store', null], ['platform', null], ['dns', ['createDnsCapability']], ['pageload', ['createPageloadCapability', 'x']]]),
    )).toEqual([]);
  });

  it('flags loose files, capabilities without index.ts or without the factory, and a missing composition root', () => {
    expect(checkBackgroundLayout(
      [plain('dns-service.ts'), plain('cname.test.ts'), dir('dns'), dir('names'), dir('store')],
      new Map([['dns', ['createDns']], ['names', null], ['store', null]]),
    )).toEqual([
      'entrypoints/background/cname.test.ts: a file at the top level (only index.ts belongs there; move it into a capability folder or store/ or platform/)',
      'entrypoints/background/dns/index.ts does not export createDnsCapability',
      'entrypoints/background/dns-service.ts: a file at the top level (only index.ts belongs there; move it into a capability folder or store/ or platform/)',
      'entrypoints/background/names/: capability folder without index.ts (it must export createNamesCapability)',
      'entrypoints/background/index.ts is missing (the composition root)',
    ]);
  });
});

describe('one handler per message type', () => {
  it('reads string-literal object keys, not values or identifier keys', () => {
    const text = "const h = { 'dns.status': () => 1, async 'dns.resolve'() {}, ['tab.reload']: f, plain: 1, type: 'dns.configure' };\ncall('dns.clearLedger', {});";
    expect(stringKeys(text)).toEqual(['dns.status', 'dns.resolve', 'tab.reload']);
  });

  const types = ['dns.status', 'dns.resolve', 'tab.reload', 'history.get'];

  it('passes each type handled in one capability handlers.ts, with the contract and tests holding keys too', () => {
    expect(checkOneHandler(types, [
      { path: 'entrypoints/background/dns/handlers.ts', keys: ['dns.status', 'dns.resolve', 'example.com'] },
      { path: 'entrypoints/background/tabs/handlers.ts', keys: ['tab.reload'] },
      { path: 'entrypoints/background/history/handlers.ts', keys: ['history.get'] },
      { path: 'utils/messages/dns-messages.ts', keys: ['dns.status', 'dns.resolve'] },
      { path: 'entrypoints/background/dns/handlers.test.ts', keys: ['dns.status'] },
    ])).toEqual([]);
  });

  it('flags types handled nowhere, twice, or with keys outside a capability handlers.ts', () => {
    expect(checkOneHandler(types, [
      { path: 'entrypoints/background/dns/handlers.ts', keys: ['dns.status', 'dns.resolve'] },
      { path: 'entrypoints/background/names/handlers.ts', keys: ['dns.resolve'] },
      { path: 'entrypoints/background/index.ts', keys: ['tab.reload', 'dns.status'] },
      { path: 'entrypoints/background/store/handlers.ts', keys: ['history.get'] },
    ])).toEqual([
      "'dns.status' is handled in entrypoints/background/dns/handlers.ts, and also has a handler key in entrypoints/background/index.ts",
      "'dns.resolve' is handled in 2 capabilities: entrypoints/background/dns/handlers.ts, entrypoints/background/names/handlers.ts",
      "'tab.reload' is handled in no capability's handlers.ts (handler keys found outside a capability's handlers.ts: entrypoints/background/index.ts)",
      "'history.get' is handled in no capability's handlers.ts (handler keys found outside a capability's handlers.ts: entrypoints/background/store/handlers.ts)",
    ]);
  });
});

describe('unique basenames', () => {
  it('lists every clash under utils/ and components/, ignoring tests and other folders', () => {
    expect(checkUniqueNames([
      'utils/attribution/lookup.ts', 'utils/infra/lookup.ts', 'components/lookup.tsx',
      'utils/a/pool.ts', 'utils/b/pool.test.ts',
      'utils/dns/wire.ts', 'entrypoints/background/wire.ts', 'scripts/lookup.ts',
    ])).toEqual(['lookup: components/lookup.tsx, utils/attribution/lookup.ts, utils/infra/lookup.ts']);
  });

  it('passes distinct names', () => {
    expect(checkUniqueNames(['utils/a/one.ts', 'utils/b/two.ts', 'components/one-view.tsx'])).toEqual([]);
  });
});

describe('config globs match files', () => {
  it('turns globs into path patterns', () => {
    const matches = (glob: string, path: string) => globToRegExp(glob).test(path);
    expect(matches('utils/**/*.test.ts', 'utils/dns/pool.test.ts')).toBe(true);
    expect(matches('utils/**/*.test.ts', 'utils/pool.test.ts')).toBe(true);
    expect(matches('utils/**/*.test.ts', 'utils/pool.test.tsx')).toBe(false);
    expect(matches('components/**/*.test.{ts,tsx}', 'components/dns/a.test.tsx')).toBe(true);
    expect(matches('entrypoints/popup/**', 'entrypoints/popup/main.tsx')).toBe(true);
    expect(matches('entrypoints/popup/**', 'entrypoints/popupx/main.tsx')).toBe(false);
    expect(matches('*.ts', 'utils/a.ts')).toBe(false);
    expect(matches('tests/e2e/**/*.e2e.ts', 'tests/e2e/dnsxe2e.ts')).toBe(false);
  });

  it('reads include/files arrays, following consts and spreads', () => {
    const text = [
      "const UI = ['components/**', 'entrypoints/popup/**'];",
      'export default [',
      "  { files: ['utils/**/*.ts'], ignores: ['**/*.test.ts'] },",
      '  { files: UI },',
      "  { files: [...UI, 'scripts/**'] },",
      "  { test: { include: ['tests/**/*.test.ts'] } },",
      '];',
    ].join('\n');
    expect(configGlobs(text, ['files'])).toEqual(['utils/**/*.ts', 'components/**', 'entrypoints/popup/**', 'scripts/**']);
    expect(configGlobs(text, ['include'])).toEqual(['tests/**/*.test.ts']);
  });

  it('flags globs that match no file', () => {
    expect(checkLivingGlobs(
      [{ source: 'vitest include', glob: 'tests/unit/**/*.test.ts' }, { source: 'eslint files', glob: 'utils/**' }, { source: 'eslint files', glob: 'entrypoints/dashboard/**' }],
      ['utils/a.ts', 'tests/e2e/a.e2e.ts'],
    )).toEqual(["vitest include: 'tests/unit/**/*.test.ts' matches no file", "eslint files: 'entrypoints/dashboard/**' matches no file"]);
  });
});
