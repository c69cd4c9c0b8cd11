/**
 * A deployment as the UI speaks of it, whatever Gcore generation serves it; each generation's keys
 * adapter maps its own contract onto it.
 */
export type DeploymentRecord = {
  /** What addresses the deployment: v2's id (UUID), v3's name. */
  ref: string;
  name: string;
  status: string;
  address: string | null;
  /** The keys bound to it, as `KeyRecord.id`s. */
  keyRefs: string[];
  /** Whether callers must send a key, as the API reports it; false: anyone who reaches it gets in. */
  authEnabled: boolean;
};
