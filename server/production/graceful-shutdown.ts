import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long a keep-alive socket must have been idle before a drain closes it. */
const IDLE_GRACE_MS = 500;

/**
 * SIGTERM without a reset: stop accepting, answer every request still arriving with
 * `Connection: close` (the caller's handler asks `draining()`), let in-flight requests finish,
 * and close keep-alive sockets once they sit idle. Closing an idle socket at once would race a
 * request the client is sending on it right now and reset it; half a second of quiet on a socket
 * means its client is not in the middle of reusing it.
 */
export function gracefulShutdown(server: Server) {
  let draining = false;
  const idleSince = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    idleSince.set(socket, Date.now());
    socket.once('close', () => idleSince.delete(socket));
  });
  server.on('request', (req, res) => {
    idleSince.delete(req.socket);
    res.once('finish', () => {
      if (!req.socket.destroyed) idleSince.set(req.socket, Date.now());
    });
  });
  return {
    draining: () => draining,
    /** Resolves true when every connection ended within `drainMs`, false when some were cut. */
    drain(drainMs: number): Promise<boolean> {
      draining = true;
      return new Promise((resolve) => {
        const sweep = setInterval(() => {
          const now = Date.now();
          for (const [socket, since] of idleSince) {
            if (now - since >= IDLE_GRACE_MS) socket.destroy();
          }
        }, 100);
        const deadline = setTimeout(() => {
          clearInterval(sweep);
          server.closeAllConnections();
          resolve(false);
        }, drainMs);
        // net.Server's close: stop listening, but leave idle sockets to the sweep above
        // (http.Server#close would destroy them at once).
        NetServer.prototype.close.call(server, () => {
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve(true);
        });
      });
    },
  };
}
