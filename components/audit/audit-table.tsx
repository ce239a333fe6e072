import { ArrowDown, ArrowUp, Bot, Plug, ScrollText, User } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useFormatter, useTranslations } from 'next-intl';
import { listHref } from '@/components/data-table/list-url';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { AuditRow } from '@/lib/audit';
import { isAuditAction } from '@/lib/audit/actions';
import type { AuditFilter } from '@/lib/audit/schemas';

const TARGET_PATH: Record<string, string> = { connector: '/connectors/', group: '/groups/' };

/** A value the log stores as a word (outcome, target type): its label in the reader's language, else the word itself. */
function useWord(group: 'outcomes' | 'targetTypes' | 'actorKinds') {
  const t = useTranslations('audit');
  return (word: string) => (t.has(`${group}.${word}`) ? t(`${group}.${word}`) : word);
}

function Actor({ actor }: { actor: AuditRow['actor'] }) {
  const t = useTranslations('audit.table');
  const kind = useWord('actorKinds');
  const Icon = actor.kind === 'person' ? User : actor.kind === 'connector' ? Plug : Bot;
  return (
    <div className="grid gap-0.5">
      <span className="inline-flex items-center gap-1.5 font-medium">
        <Icon aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
        <span className="break-words">{actor.kind === 'system' ? t('unauthenticated') : actor.name}</span>
        <span className="sr-only">({kind(actor.kind)})</span>
      </span>
      {actor.email && <span className="break-all text-xs text-muted-foreground">{actor.email}</span>}
      {actor.viaConnector && <span className="text-xs text-muted-foreground">{t('viaConnector', { name: actor.viaConnector })}</span>}
    </div>
  );
}

function Target({ target }: { target: AuditRow['target'] }) {
  const type = useWord('targetTypes');
  if (!target.id) return <span className="text-muted-foreground">—</span>;
  const path = target.type ? TARGET_PATH[target.type] : undefined;
  const label = target.name ?? target.id;
  return (
    <div className="grid gap-0.5">
      <span className="text-xs uppercase tracking-wide text-muted-foreground">{target.type && type(target.type)}</span>
      {path && target.name ? (
        <Link href={`${path}${target.id}`} className="break-words text-primary hover:underline">
          {label}
        </Link>
      ) : (
        <span className="break-all">{label}</span>
      )}
    </div>
  );
}

function Details({ details }: { details: AuditRow['details'] }) {
  if (!details || Object.keys(details).length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <dl className="grid gap-0.5 text-xs">
      {Object.entries(details).map(([k, v]) => (
        <div key={k} className="flex flex-wrap gap-1">
          <dt className="text-muted-foreground">{k}:</dt>
          <dd className="break-all">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ rows, filter }: { rows: AuditRow[]; filter: AuditFilter }) {
  const t = useTranslations('audit');
  const format = useFormatter();
  const outcome = useWord('outcomes');
  if (rows.length === 0) {
    return (
      <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
        <ScrollText aria-hidden className="size-10 text-muted-foreground" />
        <p className="text-lg font-medium">{t('table.emptyTitle')}</p>
        <p className="max-w-md text-sm text-muted-foreground">{t('table.emptyText')}</p>
      </Card>
    );
  }
  const newest = filter.sort === 'newest';
  const toggle = listHref('/audit', { ...filter, sort: undefined }, { sort: newest ? 'oldest' : null });
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t('table.caption', { order: filter.sort })}</caption>
        <thead className="border-b border-border bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" aria-sort={newest ? 'descending' : 'ascending'} className="px-4 py-3 font-medium">
              <Link href={toggle} className="inline-flex items-center gap-1 uppercase hover:text-foreground">
                {t('table.time')}
                {newest ? <ArrowDown aria-hidden className="size-3" /> : <ArrowUp aria-hidden className="size-3" />}
                <span className="sr-only">{t('table.sortHint', { order: filter.sort })}</span>
              </Link>
            </th>
            {(['actor', 'action', 'target', 'ip', 'details'] as const).map((h) => (
              <th key={h} scope="col" className="px-4 py-3 font-medium">
                {t(`table.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border align-top">
          {rows.map((r) => (
            <tr key={r.id} data-action={r.action}>
              <td className="whitespace-nowrap px-4 py-3 tabular-nums text-muted-foreground">
                <time dateTime={r.at} title={r.at}>
                  {format.dateTime(new Date(r.at), { dateStyle: 'medium', timeStyle: 'medium' })}
                </time>
              </td>
              <td className="min-w-40 px-4 py-3">
                <Actor actor={r.actor} />
              </td>
              <td className="min-w-40 px-4 py-3">
                <span className="font-medium">{isAuditAction(r.action) ? t(`actions.${r.action}`) : r.action}</span>
                {r.outcome !== 'success' && (
                  <Badge variant="warning" className="ml-2">
                    {outcome(r.outcome)}
                  </Badge>
                )}
                <div className="text-xs text-muted-foreground">{r.action}</div>
              </td>
              <td className="min-w-32 px-4 py-3">
                <Target target={r.target} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 tabular-nums">{r.ip ?? '—'}</td>
              <td className="min-w-48 px-4 py-3">
                <Details details={r.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
