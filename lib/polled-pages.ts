'use client';
import { useCallback, useEffect, useSyncExternalStore } from 'react';

/**
 * A feed of cursor pages that polls (group messages, group actions): what these two pages used React Query's
 * infinite queries for, in ~1 kB instead of ~9 kB (page weight, bench/RESULTS-web.md). Same behaviour: the
 * server's first page to start with, every loaded page fetched again on mount, every `intervalMs` while the
 * tab is visible and when the window regains focus (a failed poll is retried up to 3 times, then
 * `isRefetchError` until one succeeds), older pages on request, and `refreshPages` / `updatePages` for other
 * components of the page (a response, a sent message). State is kept per key while a component shows it.
 */
interface Feed<P> {
  pages: P[];
  isFetchingNextPage: boolean;
  isRefetchError: boolean;
}

interface Entry<P> {
  feed: Feed<P>;
  listeners: Set<() => void>;
  fetchPage: (cursor: string | null) => Promise<P>;
  nextCursor: (page: P) => string | null;
  refetching?: Promise<void>;
  again?: boolean;
}

const entries = new Map<string, Entry<unknown>>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function set<P>(e: Entry<P>, patch: Partial<Feed<P>>) {
  e.feed = { ...e.feed, ...patch };
  for (const l of e.listeners) l();
}

async function withRetries<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(Math.min(1000 * 2 ** attempt, 30_000));
    }
  }
}

/** Every loaded page again, from the first (cursors as the fresh pages give them). */
async function refetchOnce<P>(e: Entry<P>) {
  const count = e.feed.pages.length;
  try {
    const pages = await withRetries(async () => {
      const out: P[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < count; i++) {
        const page = await e.fetchPage(cursor);
        out.push(page);
        cursor = e.nextCursor(page);
        if (cursor === null) break;
      }
      return out;
    });
    // an older page loaded meanwhile stays
    set(e, { pages: [...pages, ...e.feed.pages.slice(count)], isRefetchError: false });
  } catch {
    set(e, { isRefetchError: true });
  }
}

/** A poll joins a running fetch; a refresh after a change runs once more when one is running (it may predate the change). */
function refetch<P>(e: Entry<P>, afterChange = false): Promise<void> {
  if (e.refetching) {
    if (afterChange) e.again = true;
    return e.refetching;
  }
  e.refetching = (async () => {
    do {
      e.again = false;
      await refetchOnce(e);
    } while (e.again);
    e.refetching = undefined;
  })();
  return e.refetching;
}

/** Fetch the feed of `key` again now (after a change made on this page). */
export function refreshPages(key: string): Promise<void> {
  const e = entries.get(key);
  return e ? refetch(e, true) : Promise.resolve();
}

/** Change the loaded pages in place (a just-sent message; the next poll confirms it). */
export function updatePages<P>(key: string, change: (pages: P[]) => P[]) {
  const e = entries.get(key) as Entry<P> | undefined;
  if (e) set(e, { pages: change(e.feed.pages) });
}

export function usePolledPages<P>(opts: {
  key: string;
  initial: P;
  fetchPage: (cursor: string | null) => Promise<P>;
  nextCursor: (page: P) => string | null;
  intervalMs: number;
}) {
  const { key, initial, intervalMs } = opts;
  let e = entries.get(key) as Entry<P> | undefined;
  // nobody shows this feed right now: start again from the server's page (fresher than what was kept)
  if (!e || e.listeners.size === 0) {
    e = {
      feed: { pages: [initial], isFetchingNextPage: false, isRefetchError: false },
      listeners: new Set(),
      fetchPage: opts.fetchPage,
      nextCursor: opts.nextCursor,
    };
    entries.set(key, e as Entry<unknown>);
  }
  const entry = e;
  const feed = useSyncExternalStore(
    useCallback(
      (listener: () => void) => {
        entry.listeners.add(listener);
        return () => entry.listeners.delete(listener);
      },
      [entry],
    ),
    () => entry.feed,
    () => ({ pages: [initial], isFetchingNextPage: false, isRefetchError: false }) as Feed<P>,
  );

  useEffect(() => {
    const poll = () => {
      if (document.visibilityState === 'visible') void refetch(entry);
    };
    poll();
    const timer = setInterval(poll, intervalMs);
    window.addEventListener('focus', poll);
    document.addEventListener('visibilitychange', poll);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', poll);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [entry, intervalMs]);

  const last = feed.pages[feed.pages.length - 1];
  const hasNextPage = last !== undefined && entry.nextCursor(last) !== null;
  const fetchNextPage = useCallback(async () => {
    const tail = entry.feed.pages[entry.feed.pages.length - 1];
    const cursor = tail === undefined ? null : entry.nextCursor(tail);
    if (entry.feed.isFetchingNextPage || cursor === null) return;
    set(entry, { isFetchingNextPage: true });
    try {
      const page = await withRetries(() => entry.fetchPage(cursor));
      set(entry, { pages: [...entry.feed.pages, page], isFetchingNextPage: false });
    } catch {
      set(entry, { isFetchingNextPage: false });
    }
  }, [entry]);

  return { pages: feed.pages, isRefetchError: feed.isRefetchError, isFetchingNextPage: feed.isFetchingNextPage, hasNextPage, fetchNextPage };
}
