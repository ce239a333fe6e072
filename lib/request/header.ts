/** Header set by server.ts from the socket address (or the trusted proxy's X-Forwarded-For). */
export const CLIENT_IP_HEADER = 'x-connector-client-ip';

/** Whether an `Accept-Encoding` header accepts `coding` (`br`, `gzip`): named, and not with `q=0`. */
export function acceptsEncoding(header: string | string[] | null | undefined, coding: string): boolean {
  return String(header ?? '')
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().split(';');
      if (name?.trim().toLowerCase() !== coding) return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return !q || Number(q.slice(2)) > 0;
    });
}
