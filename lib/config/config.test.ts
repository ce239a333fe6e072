import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './index';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@db/app',
  APP_ENCRYPTION_KEY: 'k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  AUTH_URL: 'https://portal.example.com',
  AUTH_SECRET: 'x'.repeat(40),
};

const problems = (env: Record<string, string>, production = false) => {
  try {
    parseConfig(env, { production });
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

describe('configuration', () => {
  it('has working defaults for development: nothing is required', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      AUTH_PROVIDER: 'local',
      SMS_PROVIDER: 'outbox',
      RATE_LIMIT_PER_CONNECTOR: 100,
      PIN_SENDS_PER_TENANT: 100,
      TRUST_PROXY: false,
    });
    expect(c.AUTH_ORG_ADMIN_ROLES).toEqual(['OrgAdmin', 'Kaizala.Admin']);
    expect(c.HOSTNAME).toBeUndefined();
  });

  it('names the variable of a malformed value', () => {
    expect(problems({ PORT: 'eighty' })[0]).toMatch(/^PORT: /);
    expect(problems({ AUTH_PROVIDER: 'google' })[0]).toMatch(/^AUTH_PROVIDER: /);
    expect(problems({ RATE_LIMIT_PER_CONNECTOR: '-5' })[0]).toMatch(/^RATE_LIMIT_PER_CONNECTOR: /);
    expect(problems({ PUBLIC_URL: 'ftp://x' })[0]).toMatch(/^PUBLIC_URL: /);
    expect(problems({ TRUST_PROXY: 'yes' })[0]).toMatch(/^TRUST_PROXY: /);
  });

  it('requires the production settings in production only, each named', () => {
    expect(problems(production, true)).toEqual([]);
    const missing: Record<string, string> = { ...production };
    delete missing.AUTH_SECRET;
    delete missing.DATABASE_URL;
    expect(problems(missing, true)).toEqual([expect.stringMatching(/^DATABASE_URL: required/), expect.stringMatching(/^AUTH_SECRET: required/)]);
    expect(problems({ ...production, AUTH_SECRET: 'short' }, true)).toEqual([expect.stringMatching(/^AUTH_SECRET: /)]);
    expect(problems({ ...production, AUTH_PROVIDER: 'microsoft-entra-id' }, true)).toHaveLength(3);
    expect(problems({ ...production, SMS_PROVIDER: 'twilio', SMS_TWILIO_ACCOUNT_SID: 'AC1', SMS_TWILIO_AUTH_TOKEN: 't' }, true)).toEqual([
      expect.stringMatching(/^SMS_TWILIO_FROM: /),
    ]);
    expect(problems(missing)).toEqual([]);
  });
});
