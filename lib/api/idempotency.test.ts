import { describe, expect, it } from 'vitest';
import { fingerprint, idempotencyKey } from './idempotency-key';

describe('Idempotency-Key', () => {
  it('takes 1 to 255 visible ASCII characters; no header means no idempotency', () => {
    expect(idempotencyKey('')).toBeNull();
    expect(idempotencyKey('order-42')).toBe('order-42');
    expect(idempotencyKey('k'.repeat(255))).toBe('k'.repeat(255));
    for (const bad of ['k'.repeat(256), 'has space', 'tab\tkey', 'ümlaut']) expect(() => idempotencyKey(bad)).toThrow(/Idempotency-Key/);
  });

  it('fingerprints method, path and the parsed body: same request, same print; any difference, another', () => {
    const base = fingerprint('POST', '/v1/groups', { name: 'A', welcomeMessage: 'Hi' });
    expect(fingerprint('POST', '/v1/groups', { name: 'A', welcomeMessage: 'Hi' })).toBe(base);
    expect(fingerprint('POST', '/v1/groups', { name: 'B', welcomeMessage: 'Hi' })).not.toBe(base);
    expect(fingerprint('PUT', '/v1/groups', { name: 'A', welcomeMessage: 'Hi' })).not.toBe(base);
    expect(fingerprint('POST', '/v1/groups/x/subGroups', { name: 'A', welcomeMessage: 'Hi' })).not.toBe(base);
  });
});
