import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from './locales';

export type Messages = Record<string, unknown>;

/** Where the catalogs live: `messages/<locale>/<namespace>.json`, one file per feature (its owner edits only that file). */
export const MESSAGES_DIR = path.join(process.cwd(), 'messages');

const loaded = new Map<Locale, Messages>();

/** Every namespace file of one language, keyed by file name. Read once per process (again on every call in dev). */
export function loadMessages(locale: Locale): Messages {
  const hit = loaded.get(locale);
  if (hit) return hit;
  const dir = path.join(MESSAGES_DIR, locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    messages[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
  }
  if (process.env.NODE_ENV === 'production') loaded.set(locale, messages);
  return messages;
}
