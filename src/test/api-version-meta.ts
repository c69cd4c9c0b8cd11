import { afterAll, beforeAll } from 'vitest';
import type { ApiGeneration } from '../lib/api-config';

/** Sets the generation the server chose (a meta tag), as the page would get it, for one file. */
export function withApiVersionMeta(generation: ApiGeneration): void {
  beforeAll(() => {
    const meta = Object.assign(document.createElement('meta'), {
      name: 'gcore-api-version',
      content: generation,
    });
    document.head.append(meta);
  });
  afterAll(() => document.head.querySelector('meta[name="gcore-api-version"]')?.remove());
}
