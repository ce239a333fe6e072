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
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { ActionCardDto } from '@/lib/actions/schemas';
import { MediaFiles } from './media-files';

const KIND: Record<ActionCardDto['actionType'], { label: string; icon: LucideIcon }> = {
  Poll: { label: 'Poll', icon: BarChart3 },
  Job: { label: 'Job', icon: SquareCheckBig },
  Survey: { label: 'Survey', icon: ClipboardList },
  Announcement: { label: 'Announcement', icon: Megaphone },
  LetsMeet: { label: 'Let’s Meet', icon: CalendarClock },
  Image: { label: 'Picture', icon: ImageIcon },
  Album: { label: 'Album', icon: Images },
  Audio: { label: 'Audio', icon: Music },
  Video: { label: 'Video', icon: Film },
  Document: { label: 'Document', icon: FileText },
  Custom: { label: 'Custom action', icon: Puzzle },
};

export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The frame every action card shares: type, title, who sent it and when, then the type's own part. */
export function ActionCard({ action: a, status, children }: { action: ActionCardDto; status?: ReactNode; children: ReactNode }) {
  const { label, icon: Icon } = KIND[a.actionType];
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
            <span className="font-medium text-foreground">{a.sender.isYou ? 'You' : a.sender.name}</span>
            {a.sender.type === 'connector' ? ' (connector)' : ''} ·{' '}
            <time dateTime={a.sentAt} suppressHydrationWarning>
              {when(a.sentAt)}
            </time>
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
  const m = a.meeting!;
  const start = new Date(m.startingTime);
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-muted-foreground">When</dt>
      <dd suppressHydrationWarning>
        {start.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })} · {m.durationInMins} min
      </dd>
      {m.place && (
        <>
          <dt className="text-muted-foreground">Where</dt>
          <dd className="[overflow-wrap:anywhere]">
            {m.place.name || 'Location'}{' '}
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
          <dt className="text-muted-foreground">Agenda</dt>
          <dd className="whitespace-pre-wrap [overflow-wrap:anywhere]">{m.agenda}</dd>
        </>
      )}
    </dl>
  );
}
