import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

/**
 * What server.ts hands the app beside the web Request when the sandbox runs under Node. Reading
 * a header or a body, or setting a header, through the web Request and Response makes the Node
 * adapter build full Headers, Request and Response objects for every call; Node's own objects
 * answer the same questions for next to nothing. In-process (tests, MSW) there are none.
 */
export interface NodeBindings {
  incoming: IncomingMessage;
  outgoing: ServerResponse;
  /** An API call's body, already read off the socket; undefined when it was not. */
  bodyText?: string;
}

export function nodeBindings(env: unknown): NodeBindings | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  return 'incoming' in env && 'outgoing' in env ? (env as NodeBindings) : undefined;
}

/**
 * A request's whole body straight off the socket, decoded as UTF-8 once at the end as a web
 * Request's text() does. Rejects when the client goes away mid-body.
 */
export function readBodyText(incoming: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => {
      const buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      resolve(buffer.toString('utf8'));
    });
    incoming.once('error', reject);
  });
}
