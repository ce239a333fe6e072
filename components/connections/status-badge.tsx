import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

type Status = 'connected' | 'needs_reconnect' | 'revoked';

export function ConnectionStatusBadge({ status }: { status: Status }) {
  const t = useTranslations('connections.status');
  return <Badge variant={status === 'connected' ? 'success' : status === 'needs_reconnect' ? 'warning' : 'muted'}>{t(status)}</Badge>;
}

/**
 * Times in the portal's tables, in the reader's language: UTC (the request's time zone), so server and browser
 * render the same text. `when(iso, 'never')` shows the translated "never" for a time that has not happened.
 */
export function useWhen() {
  const format = useFormatter();
  const t = useTranslations('connections.when');
  return (iso: string | null, none: '—' | 'never' = '—') =>
    iso ? t('utc', { time: format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }) }) : none === 'never' ? t('never') : none;
}
