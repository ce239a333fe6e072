import { DomainError } from '@/lib/errors';

/**
 * Opaque cursors of the reaction reads (kaizala-connectors.md §5.10). Kaizala's cursor of the summary list is
 * a time that defaults to 0: `0` (or none) is the first page here too. The summary list goes by each item's
 * last change, oldest first, so a client that keeps the last cursor sees changed items again (sync); the
 * details list goes newest first from a reaction id. Anything else is a 400 `InvalidCursor`.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

const encode = (v: unknown[]) => Buffer.from(JSON.stringify(v)).toString('base64url');
function decode(raw: string): unknown {
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

export const encodeSummaryCursor = (changedAt: string, referenceId: string) => encode(['rs', changedAt, referenceId]);

export function decodeSummaryCursor(raw: string | undefined): { changedAt: string; referenceId: string } | null {
  if (raw === undefined || raw === '' || raw === '0') return null;
  const v = decode(raw);
  if (Array.isArray(v) && v.length === 3 && v[0] === 'rs' && typeof v[1] === 'string' && TIME.test(v[1]) && typeof v[2] === 'string' && UUID.test(v[2]))
    return { changedAt: v[1], referenceId: v[2] };
  throw new DomainError('InvalidCursor');
}

export const encodeDetailsCursor = (reactionId: string) => encode(['rd', reactionId]);

export function decodeDetailsCursor(raw: string | undefined): string | null {
  if (raw === undefined || raw === '' || raw === '0') return null;
  const v = decode(raw);
  if (Array.isArray(v) && v.length === 2 && v[0] === 'rd' && typeof v[1] === 'string' && UUID.test(v[1])) return v[1];
  throw new DomainError('InvalidCursor');
}
