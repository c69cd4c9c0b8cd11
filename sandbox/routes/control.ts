import * as z from 'zod/mini';
import { tryParseJson } from '../../src/lib/read-api-error';
import { faultSpecSchema, type FaultController } from '../faults/controller';
import type { RequestLog } from '../faults/request-log';
import type { SandboxApp } from '../http/context';
import { taskOutcomeSpecSchema, type TaskBoard } from '../store/tasks';
import { addInvalid, type InvalidFields, validationFailure } from '../http/errors';

const resetSpecSchema = z.object({ seedKeys: z.optional(z.int().check(z.gte(0), z.lte(10_000))) });

export interface ControlDeps {
  faults: FaultController;
  log: RequestLog;
  reset(options?: { seedKeys?: number }): void;
  tasks: TaskBoard;
}

/**
 * Test-only controls. They need no token: they exist for the test that started the sandbox,
 * and the app never calls them.
 */
export function registerControlRoutes(app: SandboxApp, deps: ControlDeps): void {
  app.get('/__sandbox/health', (c) => c.json({ ok: true }, 200));

  app.post('/__sandbox/faults', async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw validationFailure({ body: ['The request body is not valid JSON.'] });
    }
    const parsed = faultSpecSchema.safeParse(raw);
    if (!parsed.success) {
      const invalid: InvalidFields = {};
      for (const issue of parsed.error.issues) {
        addInvalid(invalid, String(issue.path[0] ?? 'body'), issue.message);
      }
      throw validationFailure(invalid);
    }
    return c.json(deps.faults.arm(parsed.data), 201);
  });
  app.get('/__sandbox/faults', (c) => c.json(deps.faults.list(), 200));
  app.delete('/__sandbox/faults', (c) => {
    deps.faults.clear();
    return c.body(null, 204);
  });

  // v3 deployment tasks that end in ERROR or never end: `{"outcome": "error", "deployment"?}`.
  app.post('/__sandbox/tasks', async (c) => {
    const text = await c.req.text();
    const parsed = taskOutcomeSpecSchema.safeParse(tryParseJson(text));
    if (!parsed.success) {
      throw validationFailure({ outcome: ['Give {"outcome": "error" | "never", "deployment"?}.'] });
    }
    deps.tasks.arm(parsed.data);
    return c.body(null, 204);
  });

  app.get('/__sandbox/requests', (c) => c.json(deps.log.entries(), 200));
  app.delete('/__sandbox/requests', (c) => {
    deps.log.clear();
    return c.body(null, 204);
  });

  // An optional body `{"seedKeys": n}` seeds n generated keys into the default project.
  app.post('/__sandbox/reset', async (c) => {
    const text = await c.req.text();
    const parsed = resetSpecSchema.safeParse(text === '' ? {} : tryParseJson(text));
    if (!parsed.success)
      throw validationFailure({ seedKeys: ['Give a whole number from 0 to 10000.'] });
    deps.reset(parsed.data);
    return c.body(null, 204);
  });
}
