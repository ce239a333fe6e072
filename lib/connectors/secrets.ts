import { randomBytes } from 'node:crypto';
import { decrypt, encrypt, keyedHash, safeEqual } from '@/lib/crypto';

/** Connector secrets: `cps_` + 32 random bytes (base64url). The prefix lets secret scanners find leaks. */
export const SECRET_PREFIX = 'cps_';

export function generateConnectorSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

export function hashConnectorSecret(secret: string): string {
  return keyedHash('connector-secret', secret);
}

/** Constant-time check of a presented secret against a stored keyed hash. */
export function verifyConnectorSecret(presented: string, lookupHash: string): boolean {
  return safeEqual(hashConnectorSecret(presented), lookupHash);
}

/**
 * Does `presented` match any of the stored keyed hashes? Hashes once, compares every one in constant time
 * (no early exit), so timing says nothing about which secret matched or how many there are.
 */
export function matchesAnySecret(presented: string, lookupHashes: readonly string[]): boolean {
  const hash = hashConnectorSecret(presented);
  let ok = false;
  for (const h of lookupHashes) if (safeEqual(hash, h)) ok = true;
  return ok;
}

/** The stored form: encrypted (bound to the connector) + keyed hash. */
export function sealConnectorSecret(connectorId: string, secret: string) {
  return { encrypted: encrypt(secret, `connector-secret:${connectorId}`), lookupHash: hashConnectorSecret(secret) };
}

export function openConnectorSecret(connectorId: string, encrypted: string): string {
  return decrypt(encrypted, `connector-secret:${connectorId}`);
}

export const DEFAULT_ROTATION_OVERLAP_DAYS = 7;

export interface SecretTimes {
  revokedAt: Date | null;
  expiresAt: Date | null;
}

/** A secret verifies while it is not revoked and its overlap (if any) has not ended. */
export function secretIsLive(s: SecretTimes, now: Date): boolean {
  return s.revokedAt === null && (s.expiresAt === null || s.expiresAt.getTime() > now.getTime());
}
