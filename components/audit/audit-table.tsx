import { ArrowDown, ArrowUp, Bot, Plug, ScrollText, User } from 'lucide-react';
import Link from 'next/link';
import { listHref } from '@/components/data-table/list-url';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { AuditRow } from '@/lib/audit';
import type { AuditFilter } from '@/lib/audit/schemas';

const TARGET_PATH: Record<string, string> = { connector: '/connectors/', group: '/groups/' };

/** `2026-12-06T17:40:03.123456Z` → `2026-12-06 17:40:03` (the title keeps every digit). */
const shortTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;

function Actor({ actor }: { actor: AuditRow['actor'] }) {
  const Icon = actor.kind === 'person' ? User : actor.kind === 'connector' ? Plug : Bot;
  return (
    <div className="grid gap-0.5">
      <span className="inline-flex items-center gap-1.5 font-medium">
        <Icon aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
        <span className="break-words">{actor.name}</span>
        <span className="sr-only">({actor.kind})</span>
      </span>
      {actor.email && <span className="break-all text-xs text-muted-foreground">{actor.email}</span>}
      {actor.viaConnector && <span className="text-xs text-muted-foreground">via connector {actor.viaConnector}</span>}
    </div>
  );
}

function Target({ target }: { target: AuditRow['target'] }) {
  if (!target.id) return <span className="text-muted-foreground">—</span>;
  const path = target.type ? TARGET_PATH[target.type] : undefined;
  const label = target.name ?? target.id;
  return (
    <div className="grid gap-0.5">
      <span className="text-xs uppercase tracking-wide text-muted-foreground">{target.type}</span>
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
  if (rows.length === 0) {
    return (
      <Card className="flex flex-col items-center gap-3 px-6 py-14 text-center">
        <ScrollText aria-hidden className="size-10 text-muted-foreground" />
        <p className="text-lg font-medium">No audit events match</p>
        <p className="max-w-md text-sm text-muted-foreground">Change or clear the filters to see more.</p>
      </Card>
    );
  }
  const newest = filter.sort === 'newest';
  const toggle = listHref('/audit', { ...filter, sort: undefined }, { sort: newest ? 'oldest' : null });
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Audit events, {newest ? 'newest' : 'oldest'} first</caption>
        <thead className="border-b border-border bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" aria-sort={newest ? 'descending' : 'ascending'} className="px-4 py-3 font-medium">
              <Link href={toggle} className="inline-flex items-center gap-1 uppercase hover:text-foreground">
                Time (UTC)
                {newest ? <ArrowDown aria-hidden className="size-3" /> : <ArrowUp aria-hidden className="size-3" />}
                <span className="sr-only">, {newest ? 'newest first; show oldest first' : 'oldest first; show newest first'}</span>
              </Link>
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Actor
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Action
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Target
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              IP
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border align-top">
          {rows.map((r) => (
            <tr key={r.id} data-action={r.action}>
              <td className="whitespace-nowrap px-4 py-3 tabular-nums text-muted-foreground">
                <time dateTime={r.at} title={r.at}>
                  {shortTime(r.at)}
                </time>
              </td>
              <td className="min-w-40 px-4 py-3">
                <Actor actor={r.actor} />
              </td>
              <td className="min-w-40 px-4 py-3">
                <span className="font-medium">{r.actionLabel}</span>
                {r.outcome !== 'success' && (
                  <Badge variant="warning" className="ml-2">
                    {r.outcome}
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
