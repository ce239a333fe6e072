import { DomainError } from '@/lib/errors';

/**
 * Opaque cursors for lists that can grow (product.md §12): the sort key of the last row of a page,
 * base64url JSON. Clients send it back unchanged; anything else is a 400, never a silent first page.
 */
export interface MemberCursor {
  role: 'Admin' | 'Member' | 'Subscriber';
  e164: string;
}

export function encodeCursor(c: MemberCursor): string {
  return Buffer.from(JSON.stringify([c.role, c.e164])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): MemberCursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      ['Admin', 'Member', 'Subscriber'].includes(value[0]) &&
      typeof value[1] === 'string' &&
      /^\+\d{4,15}$/.test(value[1])
    ) {
      return { role: value[0] as MemberCursor['role'], e164: value[1] };
    }
  } catch {
    // fall through
  }
  throw new DomainError('InvalidCursor');
}
