import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Refresh tokens: `cprt_` + 32 random bytes (base64url, 43 chars) + a 6-char CRC-32 checksum (base36).
 * The prefix lets secret scanners find leaked tokens; the checksum lets them (and us) reject typos and
 * random strings without a database lookup.
 */
export const REFRESH_TOKEN_PREFIX = 'cprt_';
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 7;

function checksum(body: string): string {
  return crc32(body).toString(36).padStart(CHECKSUM_LENGTH, '0');
}

export function generateRefreshToken(): string {
  const body = randomBytes(32).toString('base64url');
  return `${REFRESH_TOKEN_PREFIX}${body}${checksum(body)}`;
}

export function isWellFormedRefreshToken(token: string): boolean {
  if (token.length !== REFRESH_TOKEN_PREFIX.length + BODY_LENGTH + CHECKSUM_LENGTH || !token.startsWith(REFRESH_TOKEN_PREFIX)) return false;
  const body = token.slice(REFRESH_TOKEN_PREFIX.length, REFRESH_TOKEN_PREFIX.length + BODY_LENGTH);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return false;
  return token.slice(-CHECKSUM_LENGTH) === checksum(body);
}

/** Shown masked in the portal: prefix + last 4 characters. */
export function maskToken(token: string): string {
  return `${token.slice(0, REFRESH_TOKEN_PREFIX.length)}••••••••••••${token.slice(-4)}`;
}

export const REFRESH_TOKEN_LIFETIME_MS = 365 * 86_400_000;
/** From 90 % of its life (day 328) every exchange also returns a new refresh token. */
export const REFRESH_TOKEN_ROTATE_AFTER_MS = Math.round(0.9 * REFRESH_TOKEN_LIFETIME_MS);
