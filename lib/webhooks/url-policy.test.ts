import { describe, expect, it } from 'vitest';
import { checkCallbackUrl, isForbiddenAddress } from './url-policy';

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '[::1]',
    'not-an-ip',
  ])('refuses %s', (ip) => expect(isForbiddenAddress(ip)).toBe(true));
  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (ip) =>
    expect(isForbiddenAddress(ip)).toBe(false),
  );
});

describe('checkCallbackUrl', () => {
  const strict = { allowLocal: false };
  const local = { allowLocal: true };
  it('production: https only', () => {
    expect(checkCallbackUrl('http://example.com/hook', strict)).toEqual({ ok: false, reason: 'callBackUrl must be an HTTPS URL.' });
    expect(checkCallbackUrl('http://localhost:4000/hook', strict).ok).toBe(false);
    expect(checkCallbackUrl('ftp://example.com/hook', strict).ok).toBe(false);
    expect(checkCallbackUrl('https://example.com/hook', strict).ok).toBe(true);
  });
  it('production: private and loopback literals and localhost names are refused', () => {
    for (const u of [
      'https://127.0.0.1/x',
      'https://[::1]/x',
      'https://10.0.0.5/x',
      'https://169.254.169.254/latest',
      'https://localhost/x',
      'https://a.localhost/x',
      'https://[::ffff:10.0.0.1]/x',
    ])
      expect(checkCallbackUrl(u, strict).ok, u).toBe(false);
  });
  it('refuses credentials in the URL and garbage', () => {
    expect(checkCallbackUrl('https://u:p@example.com/', strict).ok).toBe(false);
    expect(checkCallbackUrl('not a url', strict).ok).toBe(false);
  });
  it('dev/test: http://localhost is allowed, other http is not', () => {
    expect(checkCallbackUrl('http://localhost:4000/hook', local).ok).toBe(true);
    expect(checkCallbackUrl('http://127.0.0.1:4000/hook', local).ok).toBe(true);
    expect(checkCallbackUrl('http://example.com/hook', local).ok).toBe(false);
  });
});
