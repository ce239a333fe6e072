import { DomainError } from '@/lib/errors';

/**
 * Reading a request's `actionBody` leniently but strictly (lib/actions/definition.ts): field names in any
 * case, every problem a 400 naming the field, nothing cut or silently dropped.
 */

/** Characters as a person counts them (code points), as Postgres' char_length. */
export const chars = (s: string) => [...s].length;

export const bad = (field: string, problem: string): never => {
  throw new DomainError('InvalidParameters', { detail: `${field}: ${problem}` });
};

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value of the first key that matches one of `names` without regard to case. */
export function field(obj: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) {
    if (name in obj) return obj[name];
    const lower = name.toLowerCase();
    const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
    if (key !== undefined) return obj[key];
  }
  return undefined;
}

export function text(v: unknown, name: string, opts: { required: boolean; max: number }): string {
  if (v === undefined || v === null) return opts.required ? bad(name, 'is required.') : '';
  if (typeof v !== 'string') return bad(name, 'must be text.');
  if (opts.required && v.trim() === '') return bad(name, 'must not be empty.');
  if (chars(v) > opts.max) return bad(name, `can have at most ${opts.max} characters.`);
  return v;
}

export function bool(v: unknown, name: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && ['true', 'false'].includes(v.toLowerCase())) return v.toLowerCase() === 'true';
  return bad(name, 'must be true or false.');
}

export function number(v: unknown, name: string, opts: { fallback: number; max: number; unit: string }): number {
  if (v === undefined || v === null || v === '') return opts.fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return bad(name, `must be a number of ${opts.unit}.`);
  if (n <= 0) return bad(name, `must be more than 0 ${opts.unit}.`);
  if (n > opts.max) return bad(name, `can be at most ${opts.max} ${opts.unit}.`);
  return n;
}

export function list(v: unknown, name: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return bad(name, 'must be a list.');
  return v;
}

export function strings(v: unknown, name: string, max: number): string[] {
  const items = list(v, name);
  if (items.length > max) bad(name, `can have at most ${max} entries.`);
  return items.map((s, i) => (typeof s === 'string' && s.trim() ? s : bad(`${name}[${i}]`, 'must be a non-empty string.')));
}
