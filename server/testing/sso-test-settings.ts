/** The secret the SSO proxy of the `sso` test servers adds in `X-Audit-Proxy-Secret`. */
export const SSO_PROXY_SECRET = 'proxy-secret-7d2f9a41c8e0b6d3';

/** A server that names the user from X-Forwarded-Email, trusted only beside the proxy's secret. */
export const SSO_AUDIT_ENV = {
  AUDIT_USER_HEADER: 'X-Forwarded-Email',
  AUDIT_PROXY_SECRET: SSO_PROXY_SECRET,
} as const;
