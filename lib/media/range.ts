import type { ByteRange } from './store';

/**
 * A `Range` request header against a file of `size` bytes (RFC 9110 §14): one range of bytes
 * (`bytes=0-99`, `bytes=100-`, `bytes=-500`) → that range (its end clamped to the file); `unsatisfiable`
 * when it starts past the end (416); null — serve the whole file — when there is no header, it is not a
 * bytes range we understand, or it asks for several ranges (allowed: a server may ignore Range).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null;
  const [, a, b] = m as unknown as [string, string, string];
  if (a === '' && b === '') return null;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Number(b);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end: Math.min(end, size - 1) };
}
