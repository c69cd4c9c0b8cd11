import { describe, expect, it, vi } from 'vitest';
import { setupSandbox } from '../../../../test/sandbox-server';
import { listDeploymentsV3 } from './deployment-v3-calls';

setupSandbox();

describe('listDeploymentsV3', () => {
  it('sorts by name without the browser collation, whose first use stalls the first rows', async () => {
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    try {
      const names = (await listDeploymentsV3(1)).map((deployment) => deployment.name);
      expect(names.length).toBeGreaterThan(1);
      expect(names).toEqual([...names].sort());
      expect(compare).not.toHaveBeenCalled();
    } finally {
      compare.mockRestore();
    }
  });
});
