import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitForPort } from './free-port.ts';

export type NginxBalancer = { port: number; stop(): Promise<void> };

const EXAMPLE = resolve(import.meta.dirname, '../../deploy/nginx.conf');

/**
 * nginx in front of `ports`, round robin, with the example config's `location /` block as it
 * ships (its proxy headers, retries and time-outs), on plain HTTP at a free loopback port. A
 * machine without nginx fails here, loudly.
 */
export async function startNginxBalancer(ports: readonly number[]): Promise<NginxBalancer> {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
  if (!nginx)
    throw new Error('nginx is not installed: apt-get install nginx-light (.ci/run does).');
  const example = await readFile(EXAMPLE, 'utf8');
  const location = /^ {4}location \/ \{\n[\s\S]*?^ {4}\}$/m.exec(example)?.[0];
  if (!location) throw new Error(`${EXAMPLE} has no "location /" block to test.`);
  const dir = await mkdtemp(join(tmpdir(), 'jobs-nginx-'));
  // nginx's workers drop root and must still reach their temporary files here.
  await chmod(dir, 0o755);
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `${name}_temp_path ${join(dir, name)};`)
    .join('\n  ');
  const config = `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events { worker_connections 64; }
http {
  access_log ${join(dir, 'access.log')};
  ${temp}
  upstream dashboard {
    ${ports.map((p) => `server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join('\n    ')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 64k;
${location}
  }
}
`;
  await writeFile(join(dir, 'nginx.conf'), config);
  const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await Promise.race([
    waitForPort(port, 'nginx'),
    exited.then(() => {
      throw new Error(`nginx stopped at start: ${errors}`);
    }),
  ]);
  return {
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
