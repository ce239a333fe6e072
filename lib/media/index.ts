import 'server-only';
import { hkdfSync } from 'node:crypto';
import { config, publicUrl } from '@/lib/config';
import { keyring } from '@/lib/crypto';
import type { MediaLimits } from './limits';
import { signMedia, signedQuery } from './signing';

export { classify, cleanFileName, ACCEPTED_EXTENSIONS, type MediaKind, type Classified } from './types';
export { mediaTooLarge, largestLimit, type MediaLimits } from './limits';
export { checkMediaSignature, signMedia, signedQuery, type SignatureCheck } from './signing';
export { mediaStore, storeFromConfig, LocalMediaStore, S3MediaStore, type MediaStore, type ByteRange } from './store';
export { parseRange } from './range';
export { receiveUpload, type StoredUpload } from './upload';
export {
  storeUpload,
  mediaIdOf,
  resolveMediaRefs,
  bindMediaToGroup,
  groupMediaByIds,
  discardUserUpload,
  type MediaOwner,
  type MediaRef,
  type MediaResourceBody,
  type ResolvedMedia,
} from './rows';

/** The size limit of each kind, from lib/config. */
export function mediaLimits(): MediaLimits {
  const c = config();
  return { image: c.MEDIA_MAX_IMAGE_BYTES, audio: c.MEDIA_MAX_AUDIO_BYTES, video: c.MEDIA_MAX_VIDEO_BYTES, document: c.MEDIA_MAX_DOCUMENT_BYTES };
}

const urlKeys = new Map<string, Buffer>();
/** The signing key of media URLs for key id `kid` of APP_ENCRYPTION_KEY (HKDF, its own purpose). */
export function mediaUrlKey(kid: string): Buffer | undefined {
  let key = urlKeys.get(kid);
  if (!key) {
    const master = keyring().keys.get(kid);
    if (!master) return undefined;
    key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'connector-portal:media-url', 32));
    urlKeys.set(kid, key);
  }
  return key;
}

export const currentKeyId = () => keyring().currentId;

/**
 * A signed URL of a media item for one viewer (`c:<connector>` or `u:<user>`), valid MEDIA_URL_TTL_SECONDS.
 * `stable`: the expiry is rounded up to the next 5 minutes (still at least the TTL), so a page that polls
 * gets the same URL for a while and the browser keeps the picture it already loaded.
 */
export function signedMediaUrl(mediaId: string, viewer: string, opts: { now?: number; stable?: boolean } = {}): { mediaUrl: string; expiresAt: number } {
  const ttl = config().MEDIA_URL_TTL_SECONDS;
  const nowS = Math.floor((opts.now ?? Date.now()) / 1000);
  const exp = opts.stable ? Math.ceil((nowS + ttl) / 300) * 300 : nowS + ttl;
  const kid = currentKeyId();
  const q = signedQuery(signMedia(mediaId, exp, viewer, kid, mediaUrlKey(kid)!));
  return { mediaUrl: `${publicUrl()}v1/media/${mediaId}/content?${q}`, expiresAt: exp * 1000 };
}
