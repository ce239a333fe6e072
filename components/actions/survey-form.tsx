'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { ActionCardDto, MediaFileDto, Question } from '@/lib/actions/schemas';
import { AnswerFiles, uploading, type FilesValue } from './answer-files';
import { useRespond } from './use-group-actions';

type Value = string | string[] | { lt: string; lg: string; n: string } | FilesValue;

const isFiles = (q: Question) => q.type === 'Image' || q.type === 'AttachmentList';

/** A field's starting value: empty, or the answer being changed (its files named from the card). */
function initialValue(q: Question, given: unknown, files: Record<string, MediaFileDto>, earlier: string): Value {
  if (isFiles(q)) {
    const refs = (Array.isArray(given) ? given : typeof given === 'string' && given ? [given] : []).map(String);
    return {
      files: refs.map((ref) => {
        const f = files[ref];
        const file = {
          mediaResource: ref,
          fileName: f?.fileName ?? earlier,
          kind: f?.kind ?? 'document',
          mimeType: f?.mimeType ?? '',
          size: f?.size ?? 0,
          url: f?.url ?? '',
        };
        return { key: ref, name: file.fileName, progress: 1, file };
      }),
    };
  }
  if (q.type === 'MultiOption') return Array.isArray(given) ? given.map(String) : [];
  if (q.type === 'Location') {
    const l = (given ?? {}) as { lt?: number; lg?: number; n?: string };
    return { lt: l.lt === undefined ? '' : String(l.lt), lg: l.lg === undefined ? '' : String(l.lg), n: l.n ?? '' };
  }
  if (given === null || given === undefined || Array.isArray(given) || typeof given === 'object') return '';
  if ((q.type === 'Date' || q.type === 'DateTime') && typeof given === 'number') {
    const d = new Date(given);
    if (q.type === 'Date') return d.toISOString().slice(0, 10);
    const local = new Date(given - d.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 16);
  }
  return String(given);
}

/** What the form sends for a question: the server checks the type (and says why, per question); nothing is cut or dropped. */
function toAnswer(q: Question, v: Value): unknown {
  if (q.isInvisible) return null;
  if (isFiles(q)) {
    const refs = (v as FilesValue).files.flatMap((f) => (f.file ? [f.file.mediaResource] : []));
    if (!refs.length) return null;
    return q.type === 'Image' ? refs[0] : refs;
  }
  if (q.type === 'Location') {
    const l = v as { lt: string; lg: string; n: string };
    if (!l.lt.trim() && !l.lg.trim() && !l.n.trim()) return null;
    return { lt: l.lt.trim() === '' ? l.lt : Number(l.lt), lg: l.lg.trim() === '' ? l.lg : Number(l.lg), n: l.n };
  }
  if (q.type === 'Date' || q.type === 'DateTime') {
    const s = v as string;
    if (!s) return null;
    // a date input gives YYYY-MM-DD (midnight UTC, like Kaizala's epoch dates); datetime-local is the member's local time
    const ms = q.type === 'Date' ? Date.parse(s) : new Date(s).getTime();
    return Number.isNaN(ms) ? s : ms;
  }
  return v === '' ? null : v;
}

/** A survey's questions as form fields, one per type, with the server's field error under each. */
export function SurveyForm({
  groupId,
  action: a,
  responseId,
  onDone,
}: {
  groupId: string;
  action: ActionCardDto;
  /** the response being changed (its answers fill the form) */
  responseId?: string;
  onDone: () => void;
}) {
  const t = useTranslations('actions.surveyForm');
  const questions = a.survey!.questions;
  const changing = a.mine.find((m) => m.responseId === responseId);
  const [values, setValues] = useState<Value[]>(() =>
    questions.map((q, i) => initialValue(q, changing?.answers?.[i], a.survey!.files ?? {}, t('earlierFile'))),
  );
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const { pending, respond } = useRespond(groupId);
  const update = (i: number, fn: (old: Value) => Value) => setValues((old) => old.map((x, j) => (j === i ? fn(x) : x)));
  const set = (i: number, v: Value) => update(i, () => v);
  // a file question's files changed: the server's word on the earlier choice no longer applies
  const updateFiles = (i: number, fn: (old: FilesValue) => FilesValue) => {
    update(i, (old) => fn(old as FilesValue));
    setErrors((old) => (old[`answers.${i}`] ? { ...old, [`answers.${i}`]: undefined } : old));
  };
  const waiting = values.some(uploading);
  const idOf = (i: number) => `survey-${a.id}-q${i}`;

  const submit = () =>
    respond(
      { actionId: a.id, answers: questions.map((q, i) => toAnswer(q, values[i]!)), ...(responseId ? { responseId } : {}) },
      responseId ? t('changed') : t('sent'),
      (res) => {
        if (res.ok) {
          setErrors({});
          onDone();
        } else setErrors(res.fieldErrors ?? {});
      },
    );

  return (
    <form
      noValidate
      aria-label={t('label', { title: a.title })}
      className="grid gap-4 rounded-lg border border-border bg-muted/30 p-3 sm:p-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {errors.answers && (
        <p role="alert" className="text-sm text-destructive">
          {errors.answers[0]}
        </p>
      )}
      {questions.map((q, i) =>
        q.isInvisible ? null : isFiles(q) ? (
          <AnswerFiles
            key={i}
            id={idOf(i)}
            question={q}
            value={values[i] as FilesValue}
            errors={errors[`answers.${i}`]}
            uploadUrl={`/api/groups/${groupId}/actions/${a.id}/files?question=${i}`}
            limits={a.survey!.fileLimits}
            keep={Object.keys(a.survey!.files ?? {})}
            update={(fn) => updateFiles(i, fn)}
          />
        ) : (
          <QuestionField key={i} id={idOf(i)} question={q} value={values[i]!} errors={errors[`answers.${i}`]} onChange={(v) => set(i, v)} />
        ),
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={pending || waiting}>
          {waiting ? t('waitForUploads') : pending ? t('sending') : responseId ? t('save') : t('send')}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

function QuestionField({
  id,
  question: q,
  value,
  errors,
  onChange,
}: {
  id: string;
  question: Question;
  value: Value;
  errors?: string[];
  onChange: (v: Value) => void;
}) {
  const t = useTranslations('actions.surveyForm');
  const error = errors?.[0];
  const errorId = `${id}-error`;
  const errorLine = (
    <p id={errorId} aria-live="polite" className="text-sm text-destructive empty:hidden">
      {error}
    </p>
  );
  if (q.type === 'SingleOption' || q.type === 'MultiOption') {
    const multi = q.type === 'MultiOption';
    const picked = multi ? (value as string[]) : [value as string];
    return (
      <fieldset className="grid gap-2" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
        <legend className="mb-1 text-sm font-medium [overflow-wrap:anywhere]">
          {q.title}
          {multi && <span className="font-normal text-muted-foreground"> {t('chooseAny')}</span>}
        </legend>
        {(q.options ?? []).map((o, j) => (
          <label key={o.title} htmlFor={`${id}-o${j}`} className="flex cursor-pointer items-center gap-2 text-sm">
            <input
              id={`${id}-o${j}`}
              type={multi ? 'checkbox' : 'radio'}
              name={id}
              value={o.title}
              checked={picked.includes(o.title)}
              onChange={(e) =>
                onChange(multi ? (e.target.checked ? [...(value as string[]), o.title] : (value as string[]).filter((x) => x !== o.title)) : o.title)
              }
              className="size-4 shrink-0 accent-primary"
            />
            <span className="[overflow-wrap:anywhere]">{o.title}</span>
          </label>
        ))}
        {errorLine}
      </fieldset>
    );
  }
  if (q.type === 'Location') {
    const l = value as { lt: string; lg: string; n: string };
    return (
      <fieldset className="grid gap-2" aria-describedby={error ? errorId : undefined}>
        <legend className="mb-1 text-sm font-medium [overflow-wrap:anywhere]">{q.title}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          <Input
            aria-label={t('placeName', { title: q.title })}
            placeholder={t('placeNamePlaceholder')}
            value={l.n}
            onChange={(e) => onChange({ ...l, n: e.target.value })}
          />
          <Input
            aria-label={t('latitude', { title: q.title })}
            aria-invalid={Boolean(error)}
            inputMode="decimal"
            placeholder={t('latitudePlaceholder')}
            value={l.lt}
            onChange={(e) => onChange({ ...l, lt: e.target.value })}
          />
          <Input
            aria-label={t('longitude', { title: q.title })}
            aria-invalid={Boolean(error)}
            inputMode="decimal"
            placeholder={t('longitudePlaceholder')}
            value={l.lg}
            onChange={(e) => onChange({ ...l, lg: e.target.value })}
          />
        </div>
        {errorLine}
      </fieldset>
    );
  }
  return (
    <Field id={id} label={q.title} errors={errors}>
      {(aria) =>
        q.type === 'Text' ? (
          <Textarea {...aria} rows={2} value={value as string} onChange={(e) => onChange(e.target.value)} />
        ) : q.type === 'Numeric' ? (
          <Input {...aria} inputMode="decimal" value={value as string} onChange={(e) => onChange(e.target.value)} />
        ) : q.type === 'Date' ? (
          <Input {...aria} type="date" value={value as string} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <Input {...aria} type="datetime-local" value={value as string} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}
