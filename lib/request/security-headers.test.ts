import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

const req = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;

describe('securityHeaders', () => {
  it('always forbids framing and sniffing', () => {
    const h = securityHeaders(req({}), false);
    expect(h).toMatchObject({ 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff' });
    expect(h['Strict-Transport-Security']).toBeUndefined();
  });

  it('adds HSTS on a TLS socket, or on X-Forwarded-Proto: https only behind a trusted proxy', () => {
    expect(securityHeaders(req({}, true), false)['Strict-Transport-Security']).toContain('max-age=');
    expect(securityHeaders(req({ 'x-forwarded-proto': 'https' }), false)['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders(req({ 'x-forwarded-proto': 'HTTPS, http' }), true)['Strict-Transport-Security']).toContain('max-age=');
    expect(securityHeaders(req({ 'x-forwarded-proto': 'http' }), true)['Strict-Transport-Security']).toBeUndefined();
  });
});
