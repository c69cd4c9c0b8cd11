import type * as z from 'zod/mini';
import {
  faultSpecSchema,
  resetSpecSchema,
  taskOutcomeSpecSchema,
} from '../../shared/sandbox-control-contract';
import type { FaultController } from '../faults/controller';
import type { RequestLog } from '../faults/request-log';
import { parseBody, readBody } from '../http/body';
import type { SandboxApp, SandboxContext } from '../http/context';
import type { TaskBoard } from '../store/tasks';

export interface ControlDeps {
  faults: FaultController;
  log: RequestLog;
  reset(options?: { seedKeys?: number }): Promise<void>;
  tasks: TaskBoard;
}

/** A control body checked like an API body: every broken field named in one 400. */
async function spec<S extends z.ZodMiniType>(c: SandboxContext, schema: S, empty?: object) {
  const body = await readBody(c.req.raw);
  return parseBody(schema, body.kind === 'empty' && empty ? { kind: 'json', value: empty } : body);
}

/** Test-only controls, without a token: they exist for the test that started the sandbox. */
export function registerControlRoutes(app: SandboxApp, deps: ControlDeps): void {
  const command = (method: string, path: string, action: (c: SandboxContext) => unknown) =>
    app.on(method, `/__sandbox/${path}`, async (c) => {
      await action(c);
      return c.body(null, 204);
    });
  app.get('/__sandbox/health', (c) => c.json({ ok: true }, 200));

  app.post('/__sandbox/faults', async (c) =>
    c.json(deps.faults.arm(await spec(c, faultSpecSchema)), 201),
  );
  app.get('/__sandbox/faults', (c) => c.json(deps.faults.list(), 200));
  command('DELETE', 'faults', () => deps.faults.clear());
  // v3 deployment tasks that end in ERROR or never end: `{"outcome": "error", "deployment"?}`.
  command('POST', 'tasks', async (c) => deps.tasks.arm(await spec(c, taskOutcomeSpecSchema)));
  app.get('/__sandbox/requests', (c) => c.json(deps.log.entries(), 200));
  command('DELETE', 'requests', () => deps.log.clear());
  // An optional body `{"seedKeys": n}` seeds n generated keys into the default project.
  command('POST', 'reset', async (c) => deps.reset(await spec(c, resetSpecSchema, {})));
}
