/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { gcoreApiPlugin } from './server/vite-gcore-api-plugin.ts';
import { securityHeadersPlugin } from './server/vite-security-headers-plugin.ts';
import { listChunkGroup } from './server/vite-list-chunk.ts';

/** Tests that spawn servers of their own: slow to start on a busy machine. */
const PROCESS_TESTS = [
  'server/production/*-process.test.ts',
  'server/production/audit-proxy.test.ts',
  'server/production/job-*.test.ts',
  'sandbox/main.test.ts',
];

export default defineConfig({
  // The gateway plugin reads `.env` (server side only) and answers /cloud itself: no proxy here.
  plugins: [react(), tailwindcss(), securityHeadersPlugin(), gcoreApiPlugin()],
  // No CORS: another origin's page must neither call nor read /cloud through the dev server.
  server: { host: '127.0.0.1', port: 5173, cors: false },
  preview: { host: '127.0.0.1', port: 4173, cors: false },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every module the page needs at start goes into the entry chunk: one request and one gzip
    // stream instead of an entry plus shared chunks. Lazy chunks (the key list, its dialogs, the
    // reveal dialog) stay separate and are fetched only when rendered; the key list's own code
    // comes in one of them (listChunkGroup).
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }, listChunkGroup] },
      },
    },
    // Browsers this target covers support <link rel="modulepreload"> or lose only a preload.
    modulePreload: { polyfill: false },
  },
  test: {
    restoreMocks: true,
    // Two shared cores: a busy machine can stretch a component test past the 5 s default; a real
    // hang still fails, just later.
    testTimeout: 20_000,
    // Time-zone bugs hide in UTC, this machine's zone; a half-hour offset flushes them out.
    env: { TZ: 'Asia/Kolkata' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'sandbox/**/*.test.ts',
            'server/**/*.test.ts',
            'shared/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/dist/**', ...PROCESS_TESTS],
        },
      },
      {
        extends: true,
        test: {
          // Each starts real servers (production builds, PostgreSQL, nginx) beside the rest of the
          // suite on two cores: a start that takes 10 s alone can take 40 s then. Still bounded.
          name: 'process',
          environment: 'node',
          include: PROCESS_TESTS,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: { name: 'contract', environment: 'node', include: ['contract/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./src/test/setup.ts'],
        },
      },
    ],
  },
});
