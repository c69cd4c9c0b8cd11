import type { Handler } from 'hono';
import { SandboxError } from './sandbox-error';
import type { SandboxEnv } from './sandbox-types';

/** Registered after a path's real methods, so it only answers the methods the path lacks. */
export const methodNotAllowed: Handler<SandboxEnv> = (c) => {
  throw new SandboxError(405, 'HTTPError', `Method "${c.req.method}" not allowed.`);
};
