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

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['utils/**/*.ts', 'utils/**/*.tsx'], rules: pureCodeBans },
  {
    // UI code talks to the background through the typed contract, never by importing background modules.
    files: ['entrypoints/popup/**', 'entrypoints/options/**', 'entrypoints/dashboard/**', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/background/**'], message: 'UI talks to the background through utils/messages/contract.' }] }],
    },
  },
);
