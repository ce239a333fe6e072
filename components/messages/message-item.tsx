'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { MediaFiles } from '@/components/actions/media-files';
import { Badge } from '@/components/ui/badge';
import type { MessageDto } from '@/lib/messages/schemas';
import { cn } from '@/lib/utils';

const MEDIA_KINDS = new Set(['Image', 'Album', 'Audio', 'Video', 'Document']);

/** One message: sender and badge, time, text (kept as written: line breaks, long words wrap), and what media it carries. */
export function MessageItem({ message: m }: { message: MessageDto }) {
  const t = useTranslations('messages.item');
  const format = useFormatter();
  const time = new Date(m.createdAt);
  const label = m.media
    ? t('sentMedia', {
        name: m.sender.name,
        kind: MEDIA_KINDS.has(m.media.actionType) ? m.media.actionType : 'other',
        text: m.text ? m.text.slice(0, 80) : '',
        hasText: m.text ? 'yes' : 'no',
      })
    : t('sent', { name: m.sender.name, text: m.text.slice(0, 80) });
  return (
    <li aria-label={label} className={cn('flex', m.isYou ? 'justify-end' : 'justify-start')}>
      <article className={cn('grid max-w-[85%] gap-1 rounded-2xl px-3.5 py-2.5 sm:max-w-[75%]', m.isYou ? 'bg-primary/10' : 'border border-border bg-card')}>
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
          <span className="font-semibold text-foreground">{m.isYou ? t('you') : m.sender.name}</span>
          <Badge variant={m.sender.type === 'connector' ? 'default' : m.sender.type === 'bot' ? 'warning' : 'muted'} className="px-2 py-0 text-[11px]">
            {t(`sender.${m.sender.type}`)}
          </Badge>
          <time dateTime={m.createdAt} title={format.dateTime(time, { dateStyle: 'full', timeStyle: 'long' })} className="text-muted-foreground">
            {format.dateTime(time, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </header>
        {m.media && <MediaFiles files={m.media.files} />}
        {m.text && <p className="text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{m.text}</p>}
        {m.likes > 0 && (
          <p className="text-xs text-muted-foreground" aria-label={t('likes', { count: m.likes })}>
            <span aria-hidden>♥</span> {m.likes}
          </p>
        )}
      </article>
    </li>
  );
}
