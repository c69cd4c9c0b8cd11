import { isoUtc } from '../store/timestamps';
import type { KeyWithBindings } from '../store/types';
import { SEED_DEPLOYMENT_IDS as D } from './deployments';
import { SEED_PROJECT_IDS } from './projects';

export const SEED_KEY_IDS = {
  ciPipeline: '5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
  mobileAppProd: '6a2f3e4d-5c6b-4a79-9887-b6c5d4e3f201',
  oldDemo: '7b304f5e-6d7c-4b8a-a998-c7d6e5f40312',
  stagingTests: '8c415a6f-7e8d-4c9b-b0a9-d8e7f6051423',
} as const;
const K = SEED_KEY_IDS;

/** A key of the default project, unbound and never expiring unless `more` says otherwise. */
function key(key_id: string, name: string, created_at: string, more: Partial<KeyWithBindings>) {
  const unset = { description: null, created_at, expires_at: null, inference_instance_ids: [] };
  return { key_id, name, ...unset, project_id: SEED_PROJECT_IDS.default, ...more };
}

// Seed keys carry no secret: Gcore never shows one again after creation, so neither do we.
export const SEED_API_KEYS: readonly KeyWithBindings[] = [
  key(K.ciPipeline, 'ci-pipeline', '2024-06-03T08:30:00Z', {
    description: 'Used by the CI smoke tests',
    inference_instance_ids: [D.llamaChat],
  }),
  key(K.mobileAppProd, 'mobile-app-prod', '2024-09-12T14:05:00Z', {
    // Far enough ahead that the seed does not flip to EXPIRED under a real clock.
    expires_at: '2099-12-31T23:59:59Z',
    inference_instance_ids: [D.llamaChat, D.mistralInstruct],
  }),
  key(K.oldDemo, 'old-demo', '2024-11-20T16:45:00Z', {
    description: 'Conference demo, kept for the record',
    expires_at: '2025-01-31T00:00:00Z',
  }),
  key(K.stagingTests, 'staging-tests', '2024-05-22T07:00:00Z', {
    inference_instance_ids: [D.stagingLlamaChat],
    project_id: SEED_PROJECT_IDS.staging,
  }),
];

/**
 * Extra keys for paging tests: deterministic ids (v4-shaped) and names, one minute apart, all
 * older than the hand-written seed keys so they sort after them by default (created_at.desc).
 */
export function generateSeedKeys(count: number): KeyWithBindings[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1);
    const createdAt = isoUtc(Date.parse('2024-01-01T00:00:00Z') + (i + 1) * 60_000);
    const id = `00000000-0000-4000-8000-${n.padStart(12, '0')}`;
    return key(id, `generated-key-${n.padStart(4, '0')}`, createdAt, {});
  });
}
