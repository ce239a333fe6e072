'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { UsagePoint } from '@/lib/usage';
import { cn } from '@/lib/utils';
import { BarChart } from './bar-chart';
import { UsageTotals } from './usage-totals';

/** The axis ticks of each range, formatted in the reader's language (UTC, the request's time zone). */
const VIEWS = {
  hours: { weekday: 'short', hour: 'numeric' },
  days: { month: 'short', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** Stacked bars of calls by outcome (plain SVG: ./bar-chart.tsx), a switch between the two ranges, and the figures as a table. */
export function UsageCharts({ hours, days }: { hours: UsagePoint[]; days: UsagePoint[] }) {
  const t = useTranslations('usage.charts');
  const format = useFormatter();
  const [view, setView] = useState<keyof typeof VIEWS>('hours');
  const points = view === 'hours' ? hours : days;
  const tick = (at: string) => format.dateTime(new Date(at), VIEWS[view]);
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
        <CardTitle>{t(view)}</CardTitle>
        <div role="group" aria-label={t('range')} className="inline-flex rounded-md border border-border p-0.5">
          {(Object.keys(VIEWS) as (keyof typeof VIEWS)[]).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={cn('rounded px-3 py-1 text-sm', view === v ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:bg-muted')}
            >
              {v === 'hours' ? t('hoursButton') : t('daysButton')}
            </button>
          ))}
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        <UsageTotals points={points} label={t('totals')} testIdPrefix="usage-total" />
        <BarChart key={view} points={points} unit={view === 'hours' ? 'hour' : 'day'} label={t(view)} />
        <details>
          <summary className="cursor-pointer text-sm text-muted-foreground">{t('showTable')}</summary>
          <div className="mt-2 max-h-80 overflow-auto">
            <table className="w-full text-sm tabular-nums">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="py-1 pr-4 font-medium">{view === 'hours' ? t('hourColumn') : t('dayColumn')}</th>
                  <th className="py-1 pr-4 font-medium">{t('calls')}</th>
                  <th className="py-1 pr-4 font-medium">4xx</th>
                  <th className="py-1 pr-4 font-medium">429</th>
                  <th className="py-1 font-medium">5xx</th>
                </tr>
              </thead>
              <tbody>
                {points
                  .filter((p) => p.calls > 0)
                  .reverse()
                  .map((p) => (
                    <tr key={p.at} className="border-t border-border">
                      <td className="py-1 pr-4">{tick(p.at)}</td>
                      <td className="py-1 pr-4">{format.number(p.calls)}</td>
                      <td className="py-1 pr-4">{format.number(p.clientErrors)}</td>
                      <td className="py-1 pr-4">{format.number(p.throttled)}</td>
                      <td className="py-1">{format.number(p.serverErrors)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            {points.every((p) => p.calls === 0) && <p className="py-2 text-sm text-muted-foreground">{t('empty')}</p>}
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
