import JSON5 from 'json5';
import type { z } from 'zod';
import { DomainError } from '@/lib/errors';

/**
 * Request bodies (product.md §12). JSON is parsed leniently with JSON5, as Kaizala's servers did:
 * Postman-generated clients send `{'mobileNumber':"…"}` and `{members:["+91…"]}`. Form bodies where the
 * route allows them (the OAuth token endpoint). Anything else is 415.
 */
export function parseBody(raw: string, contentType: string, types: readonly ('json' | 'form' | 'multipart')[]): unknown {
  const type = contentType.toLowerCase();
  if (types.includes('form') && type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  if (type.includes('json') || (!type && raw.trim() === '')) {
    if (raw.trim() === '') return {};
    try {
      // strict JSON first: it is what nearly every client sends, and JSON.parse is far cheaper than JSON5's
      // character-by-character parser; what JSON accepts, JSON5 reads the same way
      return JSON.parse(raw);
    } catch {
      /* not strict JSON: try the lenient reading */
    }
    try {
      return JSON5.parse(raw);
    } catch {
      throw new DomainError('InvalidJson');
    }
  }
  const accepted = types
    .map((t) => (t === 'json' ? 'application/json' : t === 'form' ? 'application/x-www-form-urlencoded' : 'multipart/form-data'))
    .join(' or ');
  throw new DomainError('UnsupportedMediaType', { accepted });
}

/** Validate one part of the request; the first problem becomes a 400 that names the field. */
export function validate<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || where;
  throw new DomainError('InvalidParameters', { detail: `${field}: ${issue.message}` });
}
