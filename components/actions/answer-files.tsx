'use client';
import { FileText, ImagePlus, Paperclip, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { ANSWER_FILE_KINDS, answerFileKind, type AnswerFileKind } from '@/lib/actions/answer-kinds';
import type { AnswerFileDto, Question } from '@/lib/actions/schemas';
import { useFileSize } from './media-files';

/** A file of an Image / AttachmentList answer: uploading (with its progress), or uploaded. */
export interface FileItem {
  key: string;
  name: string;
  progress: number;
  file?: AnswerFileDto;
}

export interface FilesValue {
  files: FileItem[];
  /** the last refused file, in words (shown under the field until the next choice) */
  problem?: string;
}

type Sent = { ok: true; data: AnswerFileDto } | { ok: false; message: string };

/** One file to the portal's upload (XMLHttpRequest: fetch cannot report upload progress). */
function send(url: string, file: File, onProgress: (share: number) => void, failed: string): Promise<Sent> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = xhr.response as (AnswerFileDto & { message?: string }) | null;
      resolve(xhr.status === 201 && body ? { ok: true, data: body } : { ok: false, message: body?.message ?? failed });
    };
    xhr.onerror = () => resolve({ ok: false, message: failed });
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
}

const accept = (picture: boolean) =>
  (picture ? ANSWER_FILE_KINDS.image : Object.values(ANSWER_FILE_KINDS).flat()).map((e) => `.${e}`).join(',') + (picture ? ',image/jpeg,image/png' : '');

/**
 * The answer to an Image question (one picture) or an AttachmentList question (several files): a picker,
 * each chosen file uploaded at once with its progress, then listed with its thumbnail or name and a Remove
 * button. Refused files (type, size: checked here by name and size, then by the server on the content) are
 * named under the field. The send button waits for uploads (`pending`).
 */
export function AnswerFiles({
  id,
  question: q,
  value,
  errors,
  uploadUrl,
  limits,
  keep,
  update,
}: {
  id: string;
  question: Question;
  value: FilesValue;
  errors?: string[];
  uploadUrl: string;
  limits?: Record<AnswerFileKind, number>;
  /** files of the response being changed: never deleted from here (the server would refuse anyway) */
  keep: string[];
  update: (fn: (old: FilesValue) => FilesValue) => void;
}) {
  const t = useTranslations('actions.surveyForm');
  const fileSize = useFileSize();
  const input = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLButtonElement>(null);
  const picture = q.type === 'Image';
  const error = value.problem ?? errors?.[0];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const listId = `${id}-files`;

  const tooLarge = (f: File) => {
    const kind = picture ? 'image' : answerFileKind(f.name);
    const max = kind && limits ? limits[kind] : undefined;
    return max !== undefined && f.size > max ? max : null;
  };

  const choose = (chosen: File[]) => {
    let problem: string | undefined;
    const ok = chosen.filter((f) => {
      const max = tooLarge(f);
      if (max !== null) problem = t('fileProblem', { name: f.name, message: t('tooLarge', { max: fileSize(max) }) });
      else if (picture && answerFileKind(f.name) !== 'image') problem = t('fileProblem', { name: f.name, message: t('notPicture') });
      return !problem;
    });
    const added = ok.map((f) => ({ key: `${Date.now()}-${Math.random()}`, name: f.name, progress: 0, source: f }));
    if (picture && added.length) value.files.forEach(discard);
    update((old) => ({ files: picture ? added.slice(0, 1) : [...old.files, ...added], problem }));
    for (const item of picture ? added.slice(0, 1) : added) {
      const patch = (p: Partial<FileItem>) => update((old) => ({ ...old, files: old.files.map((x) => (x.key === item.key ? { ...x, ...p } : x)) }));
      void send(uploadUrl, item.source, (share) => patch({ progress: share }), t('uploadFailed')).then((res) => {
        if (res.ok) patch({ progress: 1, file: res.data });
        else
          update((old) => ({
            files: old.files.filter((x) => x.key !== item.key),
            problem: t('fileProblem', { name: item.name, message: res.message }),
          }));
      });
    }
  };

  /** an upload nothing will carry is deleted (best effort: the answer no longer names it either way) */
  const discard = (f: FileItem) => {
    if (f.file && !keep.includes(f.file.mediaResource))
      void fetch(`${uploadUrl.split('?')[0]}?media=${encodeURIComponent(f.file.mediaResource)}`, { method: 'DELETE' }).catch(() => undefined);
  };
  const remove = (key: string) => {
    const gone = value.files.find((x) => x.key === key);
    if (gone) discard(gone);
    update((old) => ({ files: old.files.filter((x) => x.key !== key) }));
    chooser.current?.focus();
  };

  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium [overflow-wrap:anywhere]">{q.title}</legend>
      {value.files.length > 0 && (
        <ul id={listId} aria-label={t('chosenFiles', { title: q.title })} className="grid gap-2">
          {value.files.map((f) => (
            <li key={f.key} className="flex min-w-0 items-center gap-3 rounded-lg border border-border bg-background p-2">
              {f.file?.kind === 'image' ? (
                // eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived URL: not for the image optimizer
                <img src={f.file.url} alt="" className="size-12 shrink-0 rounded-md bg-muted object-cover" />
              ) : (
                <FileText aria-hidden className="size-6 shrink-0 text-muted-foreground" />
              )}
              <div className="grid min-w-0 flex-1 gap-1">
                <span className="truncate text-sm font-medium">{f.name}</span>
                {f.file ? (
                  <span className="text-xs text-muted-foreground">{fileSize(f.file.size)}</span>
                ) : (
                  <>
                    <progress
                      max={100}
                      value={Math.round(f.progress * 100)}
                      aria-label={t('uploadingFile', { name: f.name })}
                      className="h-1.5 w-full max-w-48 accent-primary"
                    />
                    <span className="text-xs text-muted-foreground" aria-live="polite">
                      {t('uploading', { percent: Math.round(f.progress * 100) })}
                    </span>
                  </>
                )}
              </div>
              <Button type="button" variant="ghost" size="icon" aria-label={t('remove', { name: f.name })} onClick={() => remove(f.key)}>
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button
          ref={chooser}
          type="button"
          variant="outline"
          size="sm"
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          onClick={() => input.current?.click()}
        >
          {picture ? <ImagePlus aria-hidden className="size-4" /> : <Paperclip aria-hidden className="size-4" />}
          {picture ? (value.files.length ? t('replacePicture') : t('choosePicture')) : t('addFiles')}
        </Button>
        <input
          ref={input}
          id={id}
          type="file"
          hidden
          tabIndex={-1}
          accept={accept(picture)}
          multiple={!picture}
          onChange={(e) => {
            choose(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </div>
      <p id={hintId} className="text-xs text-muted-foreground">
        {picture ? t('pictureHint', { max: fileSize(limits?.image ?? 0) }) : t('filesHint')}
      </p>
      <p id={errorId} aria-live="polite" className="text-sm text-destructive empty:hidden">
        {error}
      </p>
    </fieldset>
  );
}

/** The files still uploading in a form's values. */
export const uploading = (v: unknown) => typeof v === 'object' && v !== null && 'files' in v && (v as FilesValue).files.some((f) => !f.file);
