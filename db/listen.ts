import pg from 'pg';
import { databaseUrl } from './index';

/**
 * A dedicated connection that LISTENs on one channel (pooled connections cannot: a LISTEN belongs to its
 * session). `onChange(true)` once the LISTEN is in place, `onChange(false)` as soon as the connection is
 * lost (callers must then stop trusting what notifications would have invalidated); it reconnects with
 * backoff (0.5 s … 10 s) until `stop()`.
 */
export function listen(channel: string, onNotify: (payload: string) => void, onChange: (listening: boolean) => void): { stop: () => Promise<void> } {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 500;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 5_000 });
    client = c;
    let lost = false;
    const drop = () => {
      if (lost) return;
      lost = true;
      onChange(false);
      c.removeAllListeners();
      c.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, 10_000);
    };
    c.on('error', drop);
    c.on('end', drop);
    c.on('notification', (n) => n.channel === channel && onNotify(n.payload ?? ''));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (lost || stopped) return;
      delay = 500;
      onChange(true);
    } catch {
      drop();
    }
  };
  void connect();
  return {
    stop: async () => {
      stopped = true;
      onChange(false);
      await client?.end().catch(() => undefined);
    },
  };
}
