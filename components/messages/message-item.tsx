import { MediaFiles } from '@/components/actions/media-files';
import { Badge } from '@/components/ui/badge';
import type { MessageDto } from '@/lib/messages/schemas';
import { cn } from '@/lib/utils';

const BADGE = { member: 'Member', connector: 'Connector', bot: 'Bot' } as const;

const MEDIA_LABEL: Record<string, string> = { Image: 'a picture', Album: 'an album', Audio: 'a sound file', Video: 'a video', Document: 'a document' };

/** One message: sender and badge, time, text (kept as written: line breaks, long words wrap), and what media it carries. */
export function MessageItem({ message: m }: { message: MessageDto }) {
  const time = new Date(m.createdAt);
  const label = m.media
    ? `${m.sender.name} sent ${MEDIA_LABEL[m.media.actionType] ?? 'a file'}${m.text ? `: ${m.text.slice(0, 80)}` : ''}`
    : `${m.sender.name}: ${m.text.slice(0, 80)}`;
  return (
    <li aria-label={label} className={cn('flex', m.isYou ? 'justify-end' : 'justify-start')}>
      <article className={cn('grid max-w-[85%] gap-1 rounded-2xl px-3.5 py-2.5 sm:max-w-[75%]', m.isYou ? 'bg-primary/10' : 'border border-border bg-card')}>
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
          <span className="font-semibold text-foreground">{m.isYou ? 'You' : m.sender.name}</span>
          <Badge variant={m.sender.type === 'connector' ? 'default' : m.sender.type === 'bot' ? 'warning' : 'muted'} className="px-2 py-0 text-[11px]">
            {BADGE[m.sender.type]}
          </Badge>
          <time dateTime={m.createdAt} title={time.toLocaleString()} className="text-muted-foreground" suppressHydrationWarning>
            {time.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </header>
        {m.media && <MediaFiles files={m.media.files} />}
        {m.text && <p className="text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{m.text}</p>}
        {m.likes > 0 && (
          <p className="text-xs text-muted-foreground" aria-label={`${m.likes} ${m.likes === 1 ? 'like' : 'likes'}`}>
            <span aria-hidden>♥</span> {m.likes}
          </p>
        )}
      </article>
    </li>
  );
}
