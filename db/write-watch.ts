import type pg from 'pg';

/**
 * In-process twin of the NOTIFY triggers: `cb` runs as soon as a statement sent through this process's pool
 * that changes one of `tables` has been answered, so this instance never serves a verdict its own write just
 * ended (the notification may arrive a moment later). `ignore` skips statements that touch a table without
 * changing what matters (a refresh token's first use).
 */
const watchers: { pattern: RegExp; ignore?: RegExp; cb: () => void }[] = [];

export function onTableWrite(tables: string[], cb: () => void, ignore?: RegExp): void {
  const names = tables.map((t) => t.replace(/[^a-z_]/g, '')).join('|');
  watchers.push({ pattern: new RegExp(`\\b(update|delete\\s+from|truncate)\\s+(table\\s+)?"?(${names})"?[\\s;]`, 'i'), ignore, cb });
}

function textOf(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { text?: unknown }).text === 'string') return (arg as { text: string }).text;
  return '';
}

/** Installed on the pool by db/index.ts: wraps each client's `query` once. */
export function watchPool(pool: pg.Pool): void {
  pool.on('acquire', (client) => {
    const c = client as unknown as { query: (...a: unknown[]) => unknown; __watched?: boolean };
    if (c.__watched) return;
    c.__watched = true;
    const q = c.query.bind(client) as (...a: unknown[]) => unknown;
    c.query = (...args: unknown[]) => {
      const result = q(...args);
      if (!watchers.length) return result;
      const text = textOf(args[0]);
      const hit = watchers.filter((w) => w.pattern.test(text) && !w.ignore?.test(text));
      if (hit.length && result instanceof Promise)
        void result.then(
          () => hit.forEach((w) => w.cb()),
          () => hit.forEach((w) => w.cb()),
        );
      return result;
    };
  });
}
