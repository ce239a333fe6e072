import { createHash } from 'node:crypto';
import { DomainError } from '@/lib/errors';
import type { MediaKind } from './types';

/** The size limit of each kind of media (lib/config: MEDIA_MAX_<KIND>_BYTES). */
export type MediaLimits = Record<MediaKind, number>;

export const largestLimit = (limits: MediaLimits) => Math.max(...Object.values(limits));

/** Multipart framing around the file (boundaries, part headers, small fields): allowed on top of the file. */
export const MULTIPART_SLACK_BYTES = 64 * 1024;

export const mediaTooLarge = (kind: MediaKind | 'file', max: number) =>
  new DomainError('MediaTooLarge', { kind, maxBytes: max }, { headers: { Connection: 'close' } });

export interface Metered {
  size: number;
  sha256: string;
}

/**
 * The file's bytes as they stream through: counted and hashed; past `limit` the stream fails with a
 * MediaTooLarge (413) at once, so nothing beyond the limit is ever stored. `done()` gives size and hash.
 */
export function meter(head: Buffer, rest: AsyncIterable<Buffer>, kind: MediaKind, limit: number) {
  const hash = createHash('sha256');
  let size = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) throw mediaTooLarge(kind, limit);
    hash.update(chunk);
    return chunk;
  };
  async function* body() {
    if (head.length) yield take(head);
    for await (const chunk of rest) yield take(chunk);
  }
  return { body: body(), done: (): Metered => ({ size, sha256: hash.digest('hex') }) };
}
