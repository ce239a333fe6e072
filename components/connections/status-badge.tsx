import { Badge } from '@/components/ui/badge';

const LABELS = { connected: 'Connected', needs_reconnect: 'Needs reconnect', revoked: 'Revoked' } as const;

export function ConnectionStatusBadge({ status }: { status: keyof typeof LABELS }) {
  return <Badge variant={status === 'connected' ? 'success' : status === 'needs_reconnect' ? 'warning' : 'muted'}>{LABELS[status]}</Badge>;
}

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Times in the portal's tables: UTC, so server and browser render the same text. */
export const when = (iso: string | null, none = '—') => (iso ? `${dateTime.format(new Date(iso))} UTC` : none);
