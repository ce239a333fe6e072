import { describe, expect, it } from 'vitest';
import { authorizeUrl, codeChallenge } from './oauth';
import { parseExtraParams, splitScopes } from './schemas';

describe('the authorization request', () => {
  it('uses PKCE S256 (RFC 7636 appendix B test vector)', () => {
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('carries client, redirect, scopes with the service delimiter, state and challenge; extra parameters cannot override them', () => {
    const url = new URL(
      authorizeUrl({
        authorizationUrl: 'https://accounts.example.com/o/auth?tenant=x',
        clientId: 'client-1',
        redirectUri: 'https://portal.example.com/api/connections/callback',
        scopes: ['a.read', 'b.write'],
        delimiter: ',',
        state: 'st',
        verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
        extra: { access_type: 'offline', state: 'attacker', redirect_uri: 'https://evil.test/' },
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 'x',
      access_type: 'offline',
      state: 'st',
      redirect_uri: 'https://portal.example.com/api/connections/callback',
      response_type: 'code',
      client_id: 'client-1',
      scope: 'a.read,b.write',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });
});

describe('service form helpers', () => {
  it('split scopes on spaces, commas and plus, without duplicates', () => {
    expect(splitScopes('openid, email+email  offline_access')).toEqual(['openid', 'email', 'offline_access']);
  });
  it('parse extra parameters one a line or &-separated, and refuse junk', () => {
    expect(parseExtraParams('access_type=offline\nprompt=consent')).toEqual({ access_type: 'offline', prompt: 'consent' });
    expect(parseExtraParams('a=1&b=')).toEqual({ a: '1', b: '' });
    expect(parseExtraParams('=x')).toBeNull();
    expect(parseExtraParams('no equals')).toBeNull();
  });
});
