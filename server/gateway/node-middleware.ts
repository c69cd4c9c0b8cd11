import type { IncomingMessage, ServerResponse } from 'node:http';

/** A connect-style middleware with nothing but node:http types: Vite and production use it. */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;
