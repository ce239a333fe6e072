import type { AccessClaims } from '@/lib/tokens';

/**
 * The answers of the two hottest platform reads (GET /v1/groups/{groupId} and GET …/members), kept in memory
 * under the organization's data version (table `tenant_data_versions`, bumped at commit by every transaction
 * that changes what these reads answer: migration 0023). Strongly consistent, on every instance:
 * - a request with a cached answer runs ONE statement, shared with the other requests of the same event-loop
 *   turn (live-batch.ts): the token's liveness and the tenant's current version; the answer is used only when
 *   the version is the cached entry's, else the read's own statement runs (two statements, right after a change);
 * - an answer is stored under the version read in the SAME statement (one snapshot), so it can never be
 *   filed under a newer version than the data it was computed from; a hit needs the exact version;
 * - liveness is never cached: a revoked grant or family stops reads at once.
 * Bounded: least recently used entries go first past `maxEntries` or `maxBytes` (the JSON's length).
 */
export interface CachedRead {
  /** the tenant's data version the answer was read at (int8 as text) */
  version: string;
  /** the serialized body; null = the group is unknown or outside the token's reach (404) */
  json: string | null;
}

const ENTRY_OVERHEAD = 200; // the Map slot, the entry object and its strings' headers, roughly

export class ReadCache {
  private readonly entries = new Map<string, CachedRead>();
  private used = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size() {
    return this.entries.size;
  }

  get bytes() {
    return this.used;
  }

  private static weight(key: string, e: CachedRead) {
    return ENTRY_OVERHEAD + 2 * (key.length + (e.json?.length ?? 0));
  }

  get(key: string): CachedRead | undefined {
    const e = this.entries.get(key);
    if (e) {
      // most recently used last (a Map iterates in insertion order)
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  set(key: string, e: CachedRead) {
    const w = ReadCache.weight(key, e);
    this.delete(key);
    if (w > this.maxBytes) return; // never worth evicting everything else for
    this.entries.set(key, e);
    this.used += w;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= ReadCache.weight(oldest, old);
    }
  }

  delete(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.used -= ReadCache.weight(key, old);
  }
}

/** One per process: a few thousand answers, 64 MB of JSON at most. */
export const readCache = new ReadCache(4_096, 64 * 1024 * 1024);

/**
 * Everything the statement's answer depends on besides the data: the read, the token's kind and reach
 * identity (tenant, granted group, portal user, phone number: the caller's role follows from these), the
 * group and the read's own parameters (cursor, page size). Liveness is checked on every request.
 */
export function readCacheKey(read: string, claims: AccessClaims, ...parts: (string | number | undefined | null)[]): string {
  return [read, claims.kind, claims.tid, claims.grp ?? '', claims.uid ?? '', claims.phn ?? '', ...parts.map((p) => p ?? '')].join('|');
}
