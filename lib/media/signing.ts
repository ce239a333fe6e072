import { timingSafeEqual } from 'node:crypto';
import { hmacSha256 } from '@/lib/crypto';

/**
 * Short-lived signed media URLs: `/v1/media/{id}/content?exp=…&viewer=…&kid=…&sig=…`. The signature
 * (HMAC-SHA256 with a key derived from APP_ENCRYPTION_KEY's key `kid`, so key rotation rotates it) covers
 * the media id, the expiry (epoch seconds) and the viewer the URL was minted for (`c:<connector>` or
 * `u:<user>`), so a URL is one viewer's and cannot be stretched or moved to another file. Pure: the key
 * comes from the caller.
 */
export interface SignedParams {
  exp: number;
  viewer: string;
  kid: string;
  sig: string;
}

const payload = (mediaId: string, exp: number, viewer: string) => `media-url.v1\n${mediaId}\n${exp}\n${viewer}`;

export function signMedia(mediaId: string, exp: number, viewer: string, kid: string, key: Buffer): SignedParams {
  return {
    exp,
    viewer,
    kid,
    sig: hmacSha256(key, payload(mediaId, exp, viewer), 'base64url'),
  };
}

export type SignatureCheck = 'ok' | 'invalid' | 'expired';

/** Signature first (constant time), then expiry: a tampered URL is `invalid` even when it is also old. */
export function checkMediaSignature(
  mediaId: string,
  given: { exp?: string; viewer?: string; kid?: string; sig?: string },
  keyFor: (kid: string) => Buffer | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const { exp, viewer, kid, sig } = given;
  if (!exp || !/^\d{1,12}$/.test(exp) || !viewer || viewer.length > 200 || !kid || !sig) return 'invalid';
  const key = keyFor(kid);
  if (!key) return 'invalid';
  const expected = hmacSha256(key, payload(mediaId, Number(exp), viewer));
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return 'invalid';
  return Number(exp) < nowSeconds ? 'expired' : 'ok';
}

export function signedQuery(p: SignedParams): string {
  return new URLSearchParams({ exp: String(p.exp), viewer: p.viewer, kid: p.kid, sig: p.sig }).toString();
}
