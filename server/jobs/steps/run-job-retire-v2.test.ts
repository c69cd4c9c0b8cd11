// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SEED_DEPLOYMENT_IDS } from '../../../sandbox/seed/deployments.ts';
import { SEED_KEY_IDS } from '../../../sandbox/seed/api-keys.ts';
import { DASHBOARD_ROUTES } from '../../gateway/route-table.ts';
import { jobRecord } from '../../testing/job-harness.ts';
import { callApi, useJobHarness } from '../../testing/use-job-harness.ts';

/** A v2 rotation's retirement: the new key must unlock every instance before the old one goes. */
const KEYS = '/cloud/v2/inference/api_keys';
const LLAMA = SEED_DEPLOYMENT_IDS.llamaChat;
const MISTRAL = SEED_DEPLOYMENT_IDS.mistralInstruct;
const OLD = SEED_KEY_IDS.mobileAppProd;
const harness = useJobHarness({ giveUpAfterMs: 60_000, routes: DASHBOARD_ROUTES });

const call = (method: string, path: string, body?: unknown) => callApi(harness, method, path, body);
const sent = (method: string) => harness.sent(method, '/');
const retire = (replacedBy: string, replacedById: string) =>
  jobRecord({
    kind: 'retire',
    key_name: 'mobile-app-prod',
    deployments: [LLAMA, MISTRAL],
    rotation: {
      replaced_by: replacedBy,
      key_id: OLD,
      replaced_by_id: replacedById,
      after_job: null,
    },
  });

describe('a v2 retirement', () => {
  it('the new key unlocks every instance: the old key is deleted, the new one still unlocks them', async () => {
    const created = await call('POST', KEYS, {
      name: 'mobile-app-prod-2',
      inference_instance_ids: [LLAMA, MISTRAL],
    });
    const newId = String(created.body.key_id);
    harness.sandbox.requestLog.clear();
    const { outcome, reports } = await harness.run(retire('mobile-app-prod-2', newId));
    expect(outcome).toEqual({ state: 'done' });
    expect(sent('DELETE').map((entry) => entry.path)).toEqual([`${KEYS}/${OLD}`]);
    expect((await call('GET', `${KEYS}/${OLD}`)).status).toBe(404);
    const replacement = await call('GET', `${KEYS}/${newId}`);
    expect(replacement.body.inference_instance_ids).toEqual([LLAMA, MISTRAL]);
    expect(reports.at(-1)?.key_deleted).toBe(true);
    expect(reports.at(-1)?.steps.map((step) => step.status)).toEqual(['done', 'done']);
  });

  it('an instance the new key does not unlock: nothing is deleted, and that step says why', async () => {
    const { outcome, reports } = await harness.run(retire('ci-pipeline', SEED_KEY_IDS.ciPipeline));
    const why = `ci-pipeline does not unlock ${MISTRAL}, so mobile-app-prod was not deleted and still works there. Give ci-pipeline access to ${MISTRAL}, then retire mobile-app-prod again.`;
    expect(outcome).toEqual({ state: 'failed', failure: why });
    expect(reports.at(-1)?.steps[1]).toEqual({
      deployment: MISTRAL,
      status: 'failed',
      message: why,
    });
    expect(sent('DELETE')).toEqual([]);
    expect((await call('GET', `${KEYS}/${OLD}`)).status).toBe(200);
  });

  it('an old key someone already deleted: done, nothing else touched', async () => {
    const created = await call('POST', KEYS, {
      name: 'mobile-app-prod-2',
      inference_instance_ids: [LLAMA, MISTRAL],
    });
    expect((await call('DELETE', `${KEYS}/${OLD}`)).status).toBeLessThan(300);
    const { outcome } = await harness.run(retire('mobile-app-prod-2', String(created.body.key_id)));
    expect(outcome).toEqual({ state: 'done' });
  });
});
