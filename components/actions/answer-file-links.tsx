import { FileText } from 'lucide-react';
import type { MediaFileDto } from '@/lib/actions/schemas';
import { useFileSize } from './media-files';

/**
 * The files of one survey answer in the responses table, through their signed links: pictures as small
 * thumbnails that open the full picture, other files as download links with their size.
 */
export function AnswerFileLinks({ files }: { files: MediaFileDto[] }) {
  const fileSize = useFileSize();
  if (!files.length) return null;
  return (
    <ul className="grid gap-1.5 whitespace-normal">
      {files.map((f, i) => (
        <li key={`${f.url}-${i}`}>
          {f.kind === 'image' ? (
            <a
              href={f.url}
              target="_blank"
              rel="noreferrer"
              className="inline-block overflow-hidden rounded-md border border-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived URL: not for the image optimizer */}
              <img src={f.url} alt={f.fileName} className="h-16 w-auto max-w-32 bg-muted object-cover" />
            </a>
          ) : (
            <a
              href={f.url}
              download={f.fileName}
              className="inline-flex max-w-56 items-center gap-1.5 rounded-md text-primary underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <FileText aria-hidden className="size-4 shrink-0" />
              <span className="min-w-0 truncate">{f.fileName}</span>
              <span className="shrink-0 text-xs text-muted-foreground">{fileSize(f.size)}</span>
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
