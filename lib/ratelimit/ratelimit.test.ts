import { describe, expect, it } from 'vitest';
import { describeError, DomainError } from '@/lib/errors';
import { enforceRateLimit, RATE_LIMITS } from './budgets';

describe('rate limits', () => {
  it('are 100 per connector and 300 per tenant per minute', () => {
    expect(RATE_LIMITS).toEqual({ perConnector: 100, perTenant: 300 });
  });

  it('let the 100th call of a connector through and refuse the 101st with Retry-After', () => {
    expect(enforceRateLimit({ rl_connector: 100, rl_tenant: 100, rl_reset: 12 })).toMatchObject({ 'X-RateLimit-Remaining': '0' });
    try {
      enforceRateLimit({ rl_connector: 101, rl_tenant: 101, rl_reset: 12 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      const e = err as DomainError;
      expect(describeError(e).status).toBe(429);
      expect(e.options.headers?.['Retry-After']).toBe('12');
      expect(e.message).toContain('for this connector');
    }
  });

  it('refuse the 301st call of a tenant even when each connector is under its own limit', () => {
    expect(() => enforceRateLimit({ rl_connector: 3, rl_tenant: 300, rl_reset: 5 })).not.toThrow();
    expect(() => enforceRateLimit({ rl_connector: 3, rl_tenant: 301, rl_reset: 5 })).toThrow(/for this organization/);
  });

  it('never answers Retry-After: 0', () => {
    expect(() => enforceRateLimit({ rl_connector: 500, rl_tenant: 0, rl_reset: 0 })).toThrow(
      expect.objectContaining({ options: expect.objectContaining({ headers: expect.objectContaining({ 'Retry-After': '1' }) }) }),
    );
  });
});
