import 'server-only';
import compile from 'icu-minify/compile';
import type { Locale } from './locales';
import { loadMessages, type Messages } from './messages';

/**
 * The messages next-intl hands to every translator inside the Next.js app (request.ts), precompiled from ICU
 * text to icu-minify's form: the browser then formats them with use-intl's small `format-only` formatter
 * (next.config.js aliases `use-intl/format-message` to it) instead of shipping intl-messageformat and its
 * parser on every page (page weight, bench/RESULTS-web.md). So inside the app, translate only through
 * next-intl (`getTranslations`, `useTranslations`): a translator built from the raw `loadMessages` there would
 * print ICU text unformatted. Plain Node code outside the Next.js bundle (server.ts, the worker) keeps the raw
 * messages and the full formatter. `t.raw` is not available with precompiled messages.
 */
const compiled = new Map<Locale, Messages>();

function compileTree(node: unknown): unknown {
  if (typeof node === 'string') return compile(node);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, compileTree(v)]));
  return node;
}

export function loadCompiledMessages(locale: Locale): Messages {
  const hit = compiled.get(locale);
  if (hit) return hit;
  // icu-minify builds plural/select options as null-prototype objects, which React refuses to pass from a Server
  // Component to a Client Component (NextIntlClientProvider): a JSON round trip makes them plain (its output is JSON)
  const messages = JSON.parse(JSON.stringify(compileTree(loadMessages(locale)))) as Messages;
  if (process.env.NODE_ENV === 'production') compiled.set(locale, messages);
  return messages;
}
