import { FileText } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import type { MediaFileDto } from '@/lib/actions/schemas';
import { cn } from '@/lib/utils';

/** 1.2 MB, 350 KB, 80 bytes (numbers in the page's language: 1,2 MB in German) */
export function useFileSize() {
  const t = useTranslations('actions.media');
  const format = useFormatter();
  return (bytes: number): string => {
    if (bytes >= 1024 * 1024) return t('mb', { size: format.number(bytes / (1024 * 1024), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
    if (bytes >= 1024) return t('kb', { size: format.number(Math.round(bytes / 1024)) });
    return t('bytes', { count: bytes });
  };
}

/**
 * The files of an action or message, through their signed links: pictures as thumbnails that open the full
 * picture, sound and video in the browser's player (it seeks with Range requests), documents as download links.
 */
export function MediaFiles({ files, className }: { files: MediaFileDto[]; className?: string }) {
  const t = useTranslations('actions.media');
  const fileSize = useFileSize();
  if (!files.length) return null;
  const pictures = files.filter((f) => f.kind === 'image');
  const others = files.filter((f) => f.kind !== 'image');
  return (
    <div className={cn('grid gap-2', className)}>
      {pictures.length > 0 && (
        <ul aria-label={t('pictures')} className="flex flex-wrap gap-2">
          {pictures.map((f, i) => (
            <li key={`${f.url}-${i}`}>
              <a href={f.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-lg border border-border">
                {/* eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived URL: not for the image optimizer */}
                <img src={f.url} alt={f.fileName} className="h-32 w-auto max-w-[16rem] bg-muted object-cover sm:h-40" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {others.map((f, i) =>
        f.kind === 'audio' ? (
          <figure key={`${f.url}-${i}`} className="grid gap-1">
            <audio controls preload="metadata" src={f.url} className="w-full max-w-md" aria-label={f.fileName} />
            <figcaption className="text-xs text-muted-foreground [overflow-wrap:anywhere]">
              {f.fileName} · {fileSize(f.size)}
            </figcaption>
          </figure>
        ) : f.kind === 'video' ? (
          <figure key={`${f.url}-${i}`} className="grid gap-1">
            <video controls preload="metadata" src={f.url} className="max-h-72 w-full max-w-md rounded-lg bg-black" aria-label={f.fileName} />
            <figcaption className="text-xs text-muted-foreground [overflow-wrap:anywhere]">
              {f.fileName} · {fileSize(f.size)}
            </figcaption>
          </figure>
        ) : (
          <a
            key={`${f.url}-${i}`}
            href={f.url}
            download={f.fileName}
            className="flex max-w-md items-center gap-2 rounded-lg border border-border px-3 py-2 text-sm hover:bg-muted"
          >
            <FileText aria-hidden className="size-5 shrink-0 text-muted-foreground" />
            <span className="min-w-0 flex-1 truncate font-medium text-primary">{f.fileName}</span>
            <span className="shrink-0 text-xs text-muted-foreground">{fileSize(f.size)}</span>
          </a>
        ),
      )}
    </div>
  );
}
