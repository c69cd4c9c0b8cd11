/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { gcoreApiPlugin } from './server/vite-gcore-api-plugin.ts';
import { securityHeadersPlugin } from './server/vite-security-headers-plugin.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), gcoreApiPlugin(), securityHeadersPlugin()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'es2022', sourcemap: false },
  test: {
    restoreMocks: true,
    // Time-zone bugs hide in UTC, this machine's zone; a half-hour offset flushes them out.
    env: { TZ: 'Asia/Kolkata' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'sandbox/**/*.test.ts', 'server/**/*.test.ts'],
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
