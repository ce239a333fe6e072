/** Translation helpers for the server edges (server actions and pages). */
import { getTranslations } from 'next-intl/server';

type Translator = Awaited<ReturnType<typeof getTranslations>>;
type Values = Record<string, string | number | Date>;

/** The request's translator for the portal's edges (server actions, pages), or null outside a request (unit tests). */
export async function portalTranslator(): Promise<Translator | null> {
  try {
    return await getTranslations();
  } catch {
    return null;
  }
}

/**
 * A text that may be a message key (`namespace.key`, e.g. a zod message written as a key in a schema): its
 * translation when the catalog has it, else the text itself (English written inline stays as it is).
 */
export function translateText(t: Translator | null, text: string, values?: Values): string {
  return t && /^[a-zA-Z][\w]*(\.[\w]+)+$/.test(text) && t.has(text) ? t(text, values) : text;
}

/** A domain error's words: `errors.<code>` with the error's parameters when translated, else the catalog's English. */
export function translateError(t: Translator | null, code: string, params: unknown, english: string): string {
  const key = `errors.${code}`;
  if (!t || !t.has(key)) return english;
  const values: Values = {};
  if (params && typeof params === 'object') {
    for (const [k, v] of Object.entries(params)) {
      if (v === null || v === undefined) continue;
      values[k] = Array.isArray(v) ? v.join(', ') : typeof v === 'number' || v instanceof Date ? v : String(v);
    }
  }
  try {
    return t(key, values);
  } catch {
    return english;
  }
}

/** Field errors (zod's flattened lists) with every message key translated. */
export function translateFieldErrors(
  t: Translator | null,
  fieldErrors: Record<string, string[] | undefined> | undefined,
): Record<string, string[] | undefined> | undefined {
  if (!fieldErrors || !t) return fieldErrors;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, list]) => [field, list?.map((m) => translateText(t, m))]));
}
