import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REQUESTED_BY } from '../../src/lib/request-header';
import { sendRawRequest } from '../testing/send-raw-request';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { startDevFront, type Front } from '../testing/test-fronts';

let upstream: FakeUpstream;
let envDir: string;
let front: Front;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  envDir = await mkdtemp(join(tmpdir(), 'dev-dotenv-'));
  // As the README advises: the token in `.env`, never in the shell history.
  await writeFile(join(envDir, '.env'), 'GCORE_API_KEY=token-from-dotenv\n');
  front = await startDevFront({ upstreamUrl: upstream.url, token: undefined, envDir });
}, 60_000);

afterAll(async () => {
  await front?.close();
  await upstream?.close();
  await rm(envDir, { recursive: true, force: true });
});

it('the dev server reads .env: the token there goes on every API call', async () => {
  await sendRawRequest(front.port, {
    method: 'GET',
    target: '/cloud/v1/projects',
    headers: { ...REQUESTED_BY },
  });
  expect(upstream.seen.at(-1)?.headers.authorization).toBe('APIKey token-from-dotenv');
});
