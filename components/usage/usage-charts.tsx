'use client';

import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { UsagePoint } from '@/lib/usage';
import { cn } from '@/lib/utils';
import { UsageTotals } from './usage-totals';

const SERIES = [
  { key: 'ok', label: 'Succeeded', color: '#2563eb' },
  { key: 'clientErrors', label: '4xx', color: '#d97706' },
  { key: 'throttled', label: '429', color: '#9333ea' },
  { key: 'serverErrors', label: '5xx', color: '#dc2626' },
] as const;

const VIEWS = {
  hours: { label: 'Last 7 days, per hour', tick: new Intl.DateTimeFormat('en', { weekday: 'short', hour: 'numeric', timeZone: 'UTC' }) },
  days: { label: 'Last 90 days, per day', tick: new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }) },
} as const;

/** Stacked bars of calls by outcome (recharts, loaded on this page only), a switch between the two ranges, and the figures as a table. */
export function UsageCharts({ hours, days }: { hours: UsagePoint[]; days: UsagePoint[] }) {
  const [view, setView] = useState<keyof typeof VIEWS>('hours');
  const points = view === 'hours' ? hours : days;
  const data = points.map((p) => ({ ...p, ok: p.calls - p.clientErrors - p.throttled - p.serverErrors }));
  const tick = (at: string) => VIEWS[view].tick.format(new Date(at));
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
        <CardTitle>{VIEWS[view].label}</CardTitle>
        <div role="group" aria-label="Range" className="inline-flex rounded-md border border-border p-0.5">
          {(Object.keys(VIEWS) as (keyof typeof VIEWS)[]).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={cn('rounded px-3 py-1 text-sm', view === v ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:bg-muted')}
            >
              {v === 'hours' ? '7 days' : '90 days'}
            </button>
          ))}
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        <UsageTotals points={points} label="Totals" testIdPrefix="usage-total" />
        <div className="h-72 w-full" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            {/* the table below is the accessible form: the chart takes no keyboard focus */}
            <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="at" tickFormatter={tick} minTickGap={24} fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
              <Tooltip labelFormatter={(at) => tick(String(at))} />
              <Legend itemSorter={null} />
              {SERIES.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} stackId="calls" fill={s.color} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <details>
          <summary className="cursor-pointer text-sm text-muted-foreground">Show the figures as a table</summary>
          <div className="mt-2 max-h-80 overflow-auto">
            <table className="w-full text-sm tabular-nums">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="py-1 pr-4 font-medium">{view === 'hours' ? 'Hour (UTC)' : 'Day (UTC)'}</th>
                  <th className="py-1 pr-4 font-medium">Calls</th>
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
                      <td className="py-1 pr-4">{p.calls}</td>
                      <td className="py-1 pr-4">{p.clientErrors}</td>
                      <td className="py-1 pr-4">{p.throttled}</td>
                      <td className="py-1">{p.serverErrors}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            {points.every((p) => p.calls === 0) && <p className="py-2 text-sm text-muted-foreground">No calls in this range yet.</p>}
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
