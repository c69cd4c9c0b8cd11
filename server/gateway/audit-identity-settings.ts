import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** The header the SSO proxy adds with AUDIT_PROXY_SECRET; never forwarded, never logged. */
export const PROXY_SECRET_HEADER = 'x-audit-proxy-secret';

/** The shortest AUDIT_PROXY_SECRET taken: anything shorter could be guessed. */
const MIN_SECRET_LENGTH = 16;

/** Who may name the user of an audit line (AUDIT_USER_HEADER), and how they are recognised. */
export type AuditIdentitySettings = {
  /** Lower-case name of the identity header. */
  userHeader: string;
  /** SHA-256 of AUDIT_PROXY_SECRET: the secret itself is not kept where it could be printed. */
  proxySecretDigest: Buffer | undefined;
  /** AUDIT_TRUSTED_PROXIES, IPv4-mapped addresses as plain IPv4. */
  trustedProxies: readonly string[];
};

/**
 * Reads AUDIT_USER_HEADER with what makes it trustworthy: the SSO proxy's secret
 * (AUDIT_PROXY_SECRET), its addresses (AUDIT_TRUSTED_PROXIES), or both (then both must hold).
 * An identity header on its own is refused: anyone who reaches the server could send it.
 */
export function readAuditIdentitySettings(
  env: Record<string, string | undefined>,
): AuditIdentitySettings | undefined {
  const header = env.AUDIT_USER_HEADER?.trim() || undefined;
  const secret = env.AUDIT_PROXY_SECRET?.trim() || undefined;
  const proxies = (env.AUDIT_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!header) {
    if (secret || proxies.length > 0) {
      throw new Error(
        'AUDIT_PROXY_SECRET and AUDIT_TRUSTED_PROXIES need AUDIT_USER_HEADER, the header the proxy names the user in',
      );
    }
    return undefined;
  }
  if (!/^[A-Za-z0-9-]+$/.test(header)) {
    throw new Error(`AUDIT_USER_HEADER must be a header name, got "${header}"`);
  }
  if (header.toLowerCase() === PROXY_SECRET_HEADER) {
    throw new Error(
      `AUDIT_USER_HEADER must not be ${PROXY_SECRET_HEADER}: it would log the secret`,
    );
  }
  if (!secret && proxies.length === 0) {
    throw new Error(
      'AUDIT_USER_HEADER needs AUDIT_PROXY_SECRET or AUDIT_TRUSTED_PROXIES: without them, anyone who reaches the server can write any name into the audit log',
    );
  }
  // The value is never repeated: a start-up log must not hold the secret.
  if (secret && (secret.length < MIN_SECRET_LENGTH || !/^[\x21-\x7e]+$/.test(secret))) {
    throw new Error(
      `AUDIT_PROXY_SECRET must be at least ${MIN_SECRET_LENGTH} printable characters without spaces (e.g. openssl rand -hex 32)`,
    );
  }
  return {
    userHeader: header.toLowerCase(),
    proxySecretDigest: secret ? sha256(secret) : undefined,
    trustedProxies: proxies.map(readProxyAddress),
  };
}

/** `::ffff:10.0.0.5` → `10.0.0.5`: Node reports an IPv4 peer that way on a dual-stack socket. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function readProxyAddress(entry: string): string {
  if (isIP(entry) === 0) {
    throw new Error(
      `AUDIT_TRUSTED_PROXIES lists IP addresses (no names, no ranges), got "${entry}"`,
    );
  }
  return plainAddress(entry);
}
