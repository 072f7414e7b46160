import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Browser APIs and storage reach pure code only as parameters, so it runs in workers, pages, Node and tests. */
const pureCodeBans = {
  'no-restricted-globals': ['error',
    { name: 'browser', message: 'utils/ is pure: take the browser API as a parameter (adapters live in entrypoints/).' },
    { name: 'chrome', message: 'utils/ is pure: take the browser API as a parameter (adapters live in entrypoints/).' },
    { name: 'indexedDB', message: 'utils/ is pure: storage belongs to entrypoints/background/store.' },
    { name: 'localStorage', message: 'utils/ is pure: storage belongs to entrypoints/background/store.' },
  ],
  'no-restricted-imports': ['error', {
    paths: [
      { name: 'wxt/browser', message: 'utils/ is pure: take the browser API as a parameter.' },
      { name: 'webextension-polyfill', message: 'utils/ is pure: take the browser API as a parameter.' },
      { name: 'dexie', message: 'utils/ is pure: storage belongs to entrypoints/background/store.' },
    ],
    patterns: [{ group: ['**/entrypoints/**', '@/entrypoints/**'], message: 'utils/ must not depend on entrypoints/.' }],
  }],
};

/** UI code talks to the background through the typed contract, never by importing background modules. */
const uiImportBans = { patterns: [{ group: ['**/background/**'], message: 'UI talks to the background through utils/messages/contract.' }] };

const testsBan = { group: ['**/tests/**', '@/tests/**'], message: 'Product code must not import test doubles or fixtures (tests/support/).' };
const testFiles = ['**/*.test.ts', '**/*.test.tsx'];

/**
 * A later block's `no-restricted-imports` replaces an earlier one's options for the same file, so each scope
 * that has its own list restates it with the tests/ ban added for its product (non-test) files.
 */
function withTestsBan([severity, options]) {
  return [severity, { ...options, patterns: [...(options.patterns ?? []), testsBan] }];
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'public/**', 'companion/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Product code: test doubles and fixtures stay with the tests (the scopes below restate this with their own lists).
    files: ['utils/**', 'entrypoints/**', 'components/**', 'scripts/**', 'companion/**'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [testsBan] }] },
  },
  { files: ['utils/**/*.ts'], rules: pureCodeBans },
  { files: ['utils/**/*.ts'], ignores: testFiles, rules: { 'no-restricted-imports': withTestsBan(pureCodeBans['no-restricted-imports']) } },
  { files: ['entrypoints/popup/**', 'entrypoints/options/**', 'components/**'], rules: { 'no-restricted-imports': ['error', uiImportBans] } },
  {
    files: ['entrypoints/popup/**', 'entrypoints/options/**', 'components/**'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': withTestsBan(['error', uiImportBans]) },
  },
);
