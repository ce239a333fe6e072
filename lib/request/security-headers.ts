import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * Headers on every response, portal and /v1 alike (server.ts sets them before dispatching). No page may be
 * framed (clickjacking of /oauth/authorize and the connector page); `frame-ancestors` only, because a
 * script-src policy would break Next's inline scripts.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Sent only when the request came over HTTPS: a browser ignores it on plain HTTP, and localhost must stay reachable. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** HTTPS when the socket is TLS, or (TRUST_PROXY=1) when the load balancer says so in X-Forwarded-Proto. */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!trustProxy) return false;
  const proto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim()
    .toLowerCase();
  return proto === 'https';
}

export function securityHeaders(req: IncomingMessage, trustProxy: boolean): Record<string, string> {
  return isHttps(req, trustProxy) ? { ...SECURITY_HEADERS, 'Strict-Transport-Security': HSTS } : { ...SECURITY_HEADERS };
}
