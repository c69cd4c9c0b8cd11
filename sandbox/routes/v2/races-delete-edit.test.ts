// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  apiKeySchema,
  createdApiKeySchema,
} from '../../../src/features/api-keys/api/api-key-schemas';
import { gcoreErrorBodySchema } from '../../../src/lib/api-error-schema';
import {
  boundKeysByDeployment,
  listAllKeys,
  sandboxOverHttpForFile,
} from '../../testing/http-test-client';
import { KEYS } from '../../testing/sandbox-test-client';
import { shuffled } from '../../testing/seeded-random';
import { SEED_DEPLOYMENT_IDS } from '../../seed/deployments';

// Over real HTTP on 127.0.0.1; every key is edited while half of them are being deleted.
const N = 40;
const PROJECT = 1;
const A = SEED_DEPLOYMENT_IDS.llamaChat;
const B = SEED_DEPLOYMENT_IDS.mistralInstruct;

const { call } = sandboxOverHttpForFile();

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('deletes racing edits', { timeout: 15_000 }, () => {
  it.each([1, 2, 3])(
    'leaves every key gone or edited, never half of each (order %i)',
    async (seed) => {
      const bindingsBefore = await boundKeysByDeployment(call, PROJECT);
      const countBefore = (await listAllKeys(call, PROJECT)).count;
      // Keys 0..N-1, every one bound to A; the even ones get deleted.
      const creates = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          call('POST', KEYS, { name: `edit-race-${seed}-${i}`, inference_instance_ids: [A] }),
        ),
      );
      const ids = creates.map((r) => createdApiKeySchema.parse(r.json).key_id);
      const doomed = new Set(ids.filter((_, i) => i % 2 === 0));

      // Each edit rebinds its key to A and B and sets a description. A doomed key's edit and delete
      // go out back to back (edit first for half of them, delete first for the rest), so the delete
      // lands while the edit is in flight; all the keys' requests are in flight at once.
      const edit = (id: string) =>
        call('PATCH', `${KEYS}/${id}`, {
          description: `edited ${id}`,
          inference_instance_ids: [A, B],
        });
      const remove = (id: string) => call('DELETE', `${KEYS}/${id}`);
      const nextTick = () => new Promise((resolve) => setImmediate(resolve));
      const outcomes = await Promise.all(
        shuffled(ids, seed).map(async (id) => {
          if (!doomed.has(id)) return { id, patch: (await edit(id)).status, del: undefined };
          const editFirst = ids.indexOf(id) % 4 === 0;
          const first = editFirst ? edit(id) : remove(id);
          await nextTick();
          const second = editFirst ? remove(id) : edit(id);
          const [patch, del] = editFirst ? [first, second] : [second, first];
          return { id, patch: (await patch).status, del: (await del).status };
        }),
      );

      for (const { id, patch, del } of outcomes) {
        if (!doomed.has(id)) expect(patch, `PATCH ${id}`).toBe(200);
        else {
          expect(del, `DELETE ${id}`).toBe(204);
          // An edit that lost the race to its delete is a 404; one that won it is a 200.
          expect([200, 404], `PATCH ${id}`).toContain(patch);
        }
      }

      const survivors = ids.filter((id) => !doomed.has(id));
      for (const id of ids) {
        const res = await call('GET', `${KEYS}/${id}`);
        if (doomed.has(id)) {
          expect(res.status, `GET ${id}`).toBe(404);
          continue;
        }
        expect(res.status).toBe(200);
        const key = apiKeySchema.parse(res.json);
        expect(key.description).toBe(`edited ${id}`);
        expect(sorted(key.inference_instance_ids)).toEqual(sorted([A, B]));
      }

      // Editing a key that is already gone is a 404 in the Gcore shape, never a 500.
      const late = await Promise.all(
        [...doomed].map((id) => call('PATCH', `${KEYS}/${id}`, { description: 'too late' })),
      );
      for (const res of late) {
        expect(res.status).toBe(404);
        expect(gcoreErrorBodySchema.parse(res.json).exception_class).toBe('NotFoundError');
      }

      const list = await listAllKeys(call, PROJECT);
      expect(list.count).toBe(countBefore + survivors.length);
      const listedIds = new Set(list.results.map((k) => k.key_id));
      for (const id of ids) expect(listedIds.has(id), id).toBe(!doomed.has(id));

      // Deployments report exactly the keys bound before, plus the surviving edited ones.
      const bindingsAfter = await boundKeysByDeployment(call, PROJECT);
      for (const [deployment, before] of bindingsBefore) {
        const added = deployment === A || deployment === B ? survivors : [];
        expect(sorted(bindingsAfter.get(deployment) ?? []), deployment).toEqual(
          sorted([...before, ...added]),
        );
      }
    },
  );
});
