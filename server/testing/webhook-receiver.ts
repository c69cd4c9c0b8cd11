import { createServer, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback-server.ts';

/** `up`: 200; `failing`: 503; `hang`: never answers (a deadline must end the post). */
export type ReceiverMode = 'up' | 'failing' | 'hang';

/** A local incoming-webhook receiver: keeps the `text` of every message it accepted. */
export async function startWebhookReceiver() {
  const texts: string[] = [];
  const hanging: ServerResponse[] = [];
  let mode: ReceiverMode = 'up';
  let attempts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      attempts += 1;
      if (mode === 'hang') return void hanging.push(res);
      if (mode === 'failing') return void res.writeHead(503).end('down');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string };
      texts.push(body.text);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  const port = await listenOnLoopback(server);
  return {
    url: new URL(`http://127.0.0.1:${port}/services/T000/B000/secret-path`),
    texts,
    attempts: () => attempts,
    setMode(next: ReceiverMode) {
      mode = next;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const res of hanging) res.destroy();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
