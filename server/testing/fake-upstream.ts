import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { closeNow, listenOnLoopback } from './loopback-server.ts';

export type SeenCall = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

/** How the stand-in for Gcore answers the next calls: well, or in one of the ways that hurt. */
export type UpstreamMood =
  | 'fine'
  | 'hostile-headers'
  | 'redirect'
  | 'dies-mid-body'
  | 'hangs'
  | 'drips'
  | 'html'
  | 'gzip'
  | 'huge-length'
  | 'huge-stream'
  | 'empty-204';

/** A scripted answer to one call, before any mood: a status and a JSON body. */
export type ScriptedAnswer = { status: number; body: unknown };

export type FakeUpstream = {
  url: string;
  seen: SeenCall[];
  mood: UpstreamMood;
  /** Answers chosen per call (an account's projects, a missing route); undefined: the mood's. */
  script?: (call: SeenCall) => ScriptedAnswer | undefined;
  /** How long a fine answer takes: keeps requests in flight (the shutdown test). */
  delayMs: number;
  close: () => Promise<void>;
};

export const UPSTREAM_REQUEST_ID = 'upstream-id-5a1e';
/** Just over the answer cap (16 MiB). */
const HUGE = 16 * 1024 * 1024 + 1;

/**
 * Gcore's stand-in for the gateway tests: records every call that reaches it (nothing refused
 * may ever show up here) and misbehaves on demand.
 */
export async function startFakeUpstream(): Promise<FakeUpstream> {
  const fake: FakeUpstream = { url: '', seen: [], mood: 'fine', delayMs: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const call = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      fake.seen.push(call);
      const scripted = fake.script?.(call);
      const reply = scripted
        ? () => scriptedAnswer(res, scripted)
        : () => answer(fake.mood, res, call.method, call.url);
      if (fake.delayMs === 0) return reply();
      setTimeout(reply, fake.delayMs);
    });
  });
  fake.url = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  fake.close = () => closeNow(server);
  return fake;
}

function scriptedAnswer(res: ServerResponse, scripted: ScriptedAnswer) {
  res.writeHead(scripted.status, {
    'content-type': 'application/json',
    'x-request-id': UPSTREAM_REQUEST_ID,
  });
  res.end(JSON.stringify(scripted.body));
}

function answer(mood: UpstreamMood, res: ServerResponse, method: string, url: string) {
  const json = { 'content-type': 'application/json', 'x-request-id': UPSTREAM_REQUEST_ID };
  switch (mood) {
    case 'hangs':
      return;
    case 'redirect':
      return res.writeHead(302, { location: 'http://evil.example/steal' }).end();
    case 'dies-mid-body':
      res.writeHead(200, json);
      res.write('{"results":[');
      return void setTimeout(() => res.socket?.destroy(), 50);
    case 'drips': {
      res.writeHead(200, json);
      const timer = setInterval(() => res.write(' '), 100);
      return void res.once('close', () => clearInterval(timer));
    }
    case 'html':
      res.writeHead(200, { ...json, 'content-type': 'text/html' });
      return res.end('<script>alert(document.domain)</script>');
    case 'gzip':
      res.writeHead(200, { ...json, 'content-encoding': 'gzip' });
      return res.end(gzipSync('{"count":0,"results":[]}'));
    case 'huge-length':
      res.writeHead(200, { ...json, 'content-length': String(HUGE) });
      return res.end();
    case 'huge-stream': {
      res.writeHead(200, json);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let sent = 0; sent < HUGE; sent += chunk.length) res.write(chunk);
      return res.end('{}');
    }
    case 'empty-204':
      return res.writeHead(204, { 'x-request-id': UPSTREAM_REQUEST_ID }).end();
    case 'hostile-headers':
      res.writeHead(url.includes('missing') ? 404 : 200, {
        ...json,
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
        'set-cookie': 'session=upstream; Path=/',
        'cache-control': 'public, max-age=600',
        'content-security-policy': 'default-src *',
        'www-authenticate': 'Basic realm="api"',
        'x-upstream': 'yes',
      });
      return res.end('{"secret":"s3cr3t"}');
    default:
      res.writeHead(200, json);
      if (method === 'PATCH' && url.includes('/deployments/')) {
        // A new task each time, as Gcore answers (TaskIDsSerializer).
        return res.end(JSON.stringify({ tasks: [randomUUID()] }));
      }
      return res.end('{"count":0,"results":[]}');
  }
}
