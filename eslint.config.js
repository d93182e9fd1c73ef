// Lint rules that keep the architecture honest: only the Electron shell may import `electron`,
// so the engine, the ERPNext client, the store and the sandbox run (and are tested) in plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnlyInShell = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message: 'Only electron/main and electron/preload may import electron; keep this module plain Node.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-results/', 'playwright-report/', 'coverage/', '.tmp/', '.electron-native/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...electronOnlyInShell,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'e2e/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The page talks to main only through the typed preload API.' },
            { name: 'axios', message: 'No ERPNext call from the page: main is the only client.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The page runs without Node; use the preload API.' },
            { group: ['**/electron/**'], message: 'The page may import shared/ only, never main-process code.' },
          ],
        },
      ],
    },
  },
);
