import type { Context, Hono } from 'hono';
import type { SandboxStore } from '../store/store';
import type { TaskBoard } from '../store/tasks';

/** The request body, parsed once by the gateway so the log and the handlers see the same thing. */
export type ParsedBody =
  { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'invalid'; text: string };

export interface SandboxEnv {
  Variables: { requestId: string; body: ParsedBody };
}
export type SandboxApp = Hono<SandboxEnv>;
export type SandboxContext = Context<SandboxEnv>;

/** What every API route module gets: one store, whatever API generation it speaks. */
export interface RouteDeps {
  store: SandboxStore;
  now: () => Date;
  tasks: TaskBoard;
}
