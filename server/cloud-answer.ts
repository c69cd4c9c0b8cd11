import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * How the dashboard's server shapes the `/cloud` answers it gives itself, in Gcore's error
 * shape, so the page reads them like the API's own.
 */

/** On every `/cloud` answer: the create answer carries the secret, so no cache may keep it. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

/** Gcore's error body, for the answers the dashboard's server gives in the API's place. */
export function gcoreErrorJson(exceptionClass: string, message: string): string {
  return JSON.stringify({ exception_class: exceptionClass, message, request_id: newRequestId() });
}

/**
 * The 502 body when a forward got no answer. Mid-flight, the API may have acted although nothing
 * came back: the page must say the outcome is unknown rather than that nothing happened. Before
 * any connection (refused, no such host), nothing was sent: `UpstreamUnreachable` tells the page
 * it may say so.
 */
export function upstreamFailureJson(midFlight: boolean, reason: string): string {
  return midFlight
    ? gcoreErrorJson(
        'UpstreamConnectionLost',
        'The connection to the API dropped before it answered: the request may or may not have been carried out.',
      )
    : gcoreErrorJson(
        'UpstreamUnreachable',
        `The dashboard's server could not reach the API (${reason}): nothing was sent to it.`,
      );
}

export type ErrorAnswer = {
  status: number;
  exceptionClass: string;
  message: string;
  /** Close the connection: the request body, if any, stays unread. */
  close?: boolean;
  headers?: Record<string, string>;
  /** A body made elsewhere (upstreamFailureJson); Gcore's shape from the fields otherwise. */
  body?: string;
};

/** Writes a refusal or failure in Gcore's shape, `no-store`, unless an answer already began. */
export function sendError(res: ServerResponse, answer: ErrorAnswer): void {
  if (res.headersSent) return void res.destroy();
  const body = answer.body ?? gcoreErrorJson(answer.exceptionClass, answer.message);
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...NO_STORE,
    ...(answer.close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

export function errorAnswer(
  status: number,
  exceptionClass: string,
  message: string,
  close = false,
): ErrorAnswer {
  return { status, exceptionClass, message, close };
}
