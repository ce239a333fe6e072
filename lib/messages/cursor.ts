import { DomainError } from '@/lib/errors';

/**
 * Opaque cursor of a message page (newest first): the id of the last message of the page, base64url JSON.
 * The statement reads that message's (created_at, id) itself, so no timestamp precision is lost on the
 * way through JavaScript. Anything else is a 400 `InvalidCursor`, never a silent first page.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeMessageCursor(messageId: string): string {
  return Buffer.from(JSON.stringify(['m', messageId])).toString('base64url');
}

export function decodeMessageCursor(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value[0] === 'm' && typeof value[1] === 'string' && UUID.test(value[1])) return value[1];
  } catch {
    // fall through
  }
  throw new DomainError('InvalidCursor');
}
