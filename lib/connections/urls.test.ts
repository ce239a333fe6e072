import { describe, expect, it } from 'vitest';
import { checkServiceUrl, checkTarget, LINK_NAME } from './urls';

const BASES = ['https://api.example.com/v1', 'https://files.example.com/'];

describe('checkTarget: a URL an integration wants to call', () => {
  it('accepts URLs under an allowed base (exact, below, with a query, default port, upper-case host)', () => {
    for (const u of [
      'https://api.example.com/v1',
      'https://api.example.com/v1/users?limit=5',
      'https://API.Example.com:443/v1/x',
      'https://files.example.com/a/b',
      'https://api.example.com/v1/a#frag',
    ]) {
      expect(checkTarget(u, BASES), u).toMatchObject({ ok: true });
    }
  });

  it.each([
    ['https://api.example.com/v2/users', 'outsideBase'],
    ['https://api.example.com/v1x', 'outsideBase'],
    ['https://api.example.com.evil.test/v1', 'outsideBase'],
    ['https://evil.test/https://api.example.com/v1', 'outsideBase'],
    ['http://api.example.com/v1', 'outsideBase'],
    ['https://api.example.com:8443/v1', 'outsideBase'],
    ['https://api.example.com@evil.test/v1', 'userinfo'],
    ['https://user:pw@api.example.com/v1', 'userinfo'],
    ['https://evil.test\\@api.example.com/v1', 'characters'],
    ['https://api.example.com/v1/../admin', 'dotSegments'],
    ['https://api.example.com/v1/./x', 'dotSegments'],
    ['https://api.example.com/v1/%2e%2e/admin', 'encodedSeparator'],
    ['https://api.example.com/v1%2F..%2Fadmin', 'encodedSeparator'],
    ['https://api.example.com/v1/%252e%252e/admin', 'encodedSeparator'],
    ['https://api.example.com/v1/%5c..', 'encodedSeparator'],
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['//api.example.com/v1', 'unparseable'],
    ['/v1/users', 'unparseable'],
    ['https://api.example.com/v1 /x', 'characters'],
    ['https://api.example.com/v1/\tx', 'characters'],
  ])('refuses %s (%s)', (u, problem) => {
    expect(checkTarget(u, BASES)).toEqual({ ok: false, problem });
  });

  it('compares hosts after IDN normalisation, and a base with a trailing slash covers its children only', () => {
    expect(checkTarget('https://bücher.example/x', ['https://xn--bcher-kva.example/'])).toMatchObject({ ok: true });
    expect(checkTarget('https://api.example.com/v10', ['https://api.example.com/v1/'])).toEqual({ ok: false, problem: 'outsideBase' });
  });
});

describe('checkServiceUrl: endpoints and bases an admin enters', () => {
  it('needs https unless http is allowed, and refuses userinfo, fragments, junk', () => {
    expect(checkServiceUrl('https://accounts.example.com/o/oauth2/auth', false)).toMatchObject({ ok: true });
    expect(checkServiceUrl('http://localhost:4100/auth', false)).toEqual({ ok: false, problem: 'https' });
    expect(checkServiceUrl('http://localhost:4100/auth', true)).toMatchObject({ ok: true });
    expect(checkServiceUrl('not a url', true)).toEqual({ ok: false, problem: 'characters' });
    expect(checkServiceUrl('example.com/token', true)).toEqual({ ok: false, problem: 'unparseable' });
    expect(checkServiceUrl('ftp://example.com/token', true)).toEqual({ ok: false, problem: 'scheme' });
    expect(checkServiceUrl('https://a:b@example.com/token', true)).toEqual({ ok: false, problem: 'userinfo' });
    expect(checkServiceUrl('https://example.com/token#x', true)).toEqual({ ok: false, problem: 'fragment' });
  });
});

describe('link names', () => {
  it('are lower-case identifiers', () => {
    expect(LINK_NAME.test('crm_leads')).toBe(true);
    expect(LINK_NAME.test('CRM')).toBe(false);
    expect(LINK_NAME.test('1abc')).toBe(false);
    expect(LINK_NAME.test('a-b')).toBe(false);
  });
});
