import {
  BarChart3,
  CalendarClock,
  ClipboardList,
  FileText,
  Film,
  Image as ImageIcon,
  Images,
  Megaphone,
  Music,
  Puzzle,
  SquareCheckBig,
  type LucideIcon,
} from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { ActionCardDto } from '@/lib/actions/schemas';
import { MediaFiles } from './media-files';

const ICON: Record<ActionCardDto['actionType'], LucideIcon> = {
  Poll: BarChart3,
  Job: SquareCheckBig,
  Survey: ClipboardList,
  Announcement: Megaphone,
  LetsMeet: CalendarClock,
  Image: ImageIcon,
  Album: Images,
  Audio: Music,
  Video: Film,
  Document: FileText,
  Custom: Puzzle,
};

/** A date and time in the page's language (e.g. "Dec 6, 2026, 9:41 PM"; UTC). */
export function useWhen() {
  const format = useFormatter();
  return (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
}

/** The frame every action card shares: type, title, who sent it and when, then the type's own part. */
export function ActionCard({ action: a, status, children }: { action: ActionCardDto; status?: ReactNode; children: ReactNode }) {
  const t = useTranslations('actions.card');
  const when = useWhen();
  const label = t(`kind.${a.actionType}`);
  const Icon = ICON[a.actionType];
  const titleId = `action-${a.id}-title`;
  return (
    <li aria-labelledby={titleId}>
      <Card className="grid gap-4 p-4 sm:p-6">
        <header className="grid gap-1.5">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-muted-foreground">
            <Badge variant="outline" className="gap-1">
              <Icon aria-hidden className="size-3.5" />
              {label}
            </Badge>
            {status}
          </div>
          <h3 id={titleId} className="text-base font-semibold [overflow-wrap:anywhere] sm:text-lg">
            {a.title || label}
          </h3>
          <p className="text-xs text-muted-foreground">
            <span className="font-medium text-foreground">{a.sender.isYou ? t('you') : a.sender.name}</span>
            {a.sender.type === 'connector' ? ` ${t('connector')}` : ''} · <time dateTime={a.sentAt}>{when(a.sentAt)}</time>
          </p>
        </header>
        {children}
      </Card>
    </li>
  );
}

export function AnnouncementBody({ action: a }: { action: ActionCardDto }) {
  const m = a.announcement!;
  return (
    <div className="grid gap-2">
      {m.message && <p className="text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{m.message}</p>}
      <MediaFiles files={m.files} />
    </div>
  );
}

/** A picture, album, sound, video or document the sender posted; its caption is the card's title. */
export function MediaBody({ action: a }: { action: ActionCardDto }) {
  return <MediaFiles files={a.media!.files} />;
}

export function MeetingBody({ action: a }: { action: ActionCardDto }) {
  const t = useTranslations('actions.card');
  const format = useFormatter();
  const m = a.meeting!;
  const start = new Date(m.startingTime);
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-muted-foreground">{t('when')}</dt>
      <dd>
        {format.dateTime(start, { dateStyle: 'full', timeStyle: 'short' })} · {t('minutes', { count: m.durationInMins })}
      </dd>
      {m.place && (
        <>
          <dt className="text-muted-foreground">{t('where')}</dt>
          <dd className="[overflow-wrap:anywhere]">
            {m.place.name || t('location')}{' '}
            <a
              className="text-primary underline-offset-4 hover:underline"
              href={`https://www.openstreetmap.org/?mlat=${m.place.latitude}&mlon=${m.place.longitude}#map=16/${m.place.latitude}/${m.place.longitude}`}
              target="_blank"
              rel="noreferrer"
            >
              ({m.place.latitude.toFixed(4)}, {m.place.longitude.toFixed(4)})
            </a>
          </dd>
        </>
      )}
      {m.agenda && (
        <>
          <dt className="text-muted-foreground">{t('agenda')}</dt>
          <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">{m.agenda}</dd>
        </>
      )}
    </dl>
  );
}
