import { randomBytes } from 'node:crypto';

const POOL_BYTES = 8192;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * `size` bytes from the CSPRNG, encoded. Drawn a pool at a time, because one randomBytes call
 * per request costs more than the rest of a create. Each byte is handed out once and then zeroed,
 * so a secret never lingers in the pool after it has been issued.
 */
export function randomText(size: number, encoding: 'hex' | 'base64url'): string {
  if (offset + size > pool.length) {
    pool = randomBytes(Math.max(POOL_BYTES, size));
    offset = 0;
  }
  const end = offset + size;
  const text = pool.toString(encoding, offset, end);
  pool.fill(0, offset, end);
  offset = end;
  return text;
}
