import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'reports',
      'coverage',
      'test-results',
      'playwright-report',
      'node_modules',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    extends: [...pluginQuery.configs['flat/recommended']],
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // The app must never reach into server-side code: the sandbox and the proxy stay out of the bundle.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sandbox/**', '**/server/**'],
              message: 'The app never imports server-side code.',
            },
          ],
        },
      ],
    },
  },
  {
    // An import cycle anywhere fails the build: modules must load in one direction.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed to follow their imports: TypeScript files need TypeScript's parser.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Each generation's wire code (its contract, paths, calls) stays behind its adapter: outside a
    // feature's api/ folder the page speaks the one key model and asks the adapter, never v2 or v3.
    // Tests may reach in: they check the wire.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/features/*/api/**', 'src/**/*.test.{ts,tsx}', 'src/test/**'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src',
              from: ['./src/features/*/api/v2/**', './src/features/*/api/v3/**'],
              message:
                'Only a feature’s api/ imports a generation’s files: ask the adapter (useKeysAdapter) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // The test harness (fronts, fake upstream, attack table, job harness) is no part of what runs:
    // only tests, Playwright's specs and the harness itself may import it.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['**/*.test.{ts,tsx}', 'server/testing/**', 'e2e/**'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: '.',
              from: './server/testing',
              message: 'Only tests import server/testing/: runtime code must not depend on it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sandbox imitates Gcore and runs none of the app's server: what both run is in shared/.
    // Its tests may use the server's test harness (raw sockets), which the zone above allows them.
    files: ['sandbox/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './sandbox',
              from: './server',
              message: 'The sandbox never imports server/: move what both need to shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['sandbox/main.ts', 'server/production/main.ts', 'scripts/**', 'e2e/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
