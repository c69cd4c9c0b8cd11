import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** One captured sandbox answer: the bare server sends these bytes back as they are. */
export type CapturedResponse = { status: number; headers: Record<string, string>; body: string };
export type CapturedRoutes = { create: CapturedResponse; list: CapturedResponse };

/**
 * The floor for the sandbox's throughput: plain node:http, no routing, no validation, no state,
 * answering with bytes captured from the real sandbox. It reads the request body like the
 * sandbox does, so both do the same socket work.
 */
const routes = JSON.parse(readFileSync(process.env.BARE_ROUTES ?? '', 'utf8')) as CapturedRoutes;
const port = Number(process.env.BARE_PORT);
const bodies = {
  create: Buffer.from(routes.create.body, 'base64'),
  list: Buffer.from(routes.list.body, 'base64'),
};

const server = createServer((request, response) => {
  request.resume();
  request.once('end', () => {
    const route = request.method === 'POST' ? 'create' : 'list';
    response.writeHead(routes[route].status, {
      ...routes[route].headers,
      'content-length': String(bodies[route].length),
    });
    response.end(bodies[route]);
  });
});
server.listen(port, '127.0.0.1', () => console.log(`bare server listening on ${port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
process.stdin.once('end', () => process.exit(0)).resume();
