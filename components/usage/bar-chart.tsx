'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { dateTicks, SERIES, stack, succeeded, valueAxis, type ChartPoint, type SeriesKey } from '@/lib/usage/chart';
import { cn } from '@/lib/utils';

/** Each series' colour, light and dark (bars: fill; legend swatches: bg). */
export const SERIES_COLORS: Record<SeriesKey, { fill: string; swatch: string }> = {
  ok: { fill: 'fill-blue-600 dark:fill-blue-400', swatch: 'bg-blue-600 dark:bg-blue-400' },
  clientErrors: { fill: 'fill-amber-500 dark:fill-amber-300', swatch: 'bg-amber-500 dark:bg-amber-300' },
  throttled: { fill: 'fill-purple-600 dark:fill-purple-400', swatch: 'bg-purple-600 dark:bg-purple-400' },
  serverErrors: { fill: 'fill-red-600 dark:fill-red-400', swatch: 'bg-red-600 dark:bg-red-400' },
};

const TICK = {
  hour: { weekday: 'short', month: 'short', day: 'numeric' },
  day: { month: 'short', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A narrow screen's date labels (every other one, see dateTicks): the weekday alone for hours. */
const NARROW_TICK = {
  hour: { weekday: 'short' },
  day: { month: 'short', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const WHEN = {
  hour: { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  day: { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Stacked bars of calls by outcome, drawn as plain SVG (no chart library: issue 15, the page's weight and its
 * main-thread time on a phone). The plot stretches to its box (preserveAspectRatio="none", one unit per bar);
 * the axis labels are HTML placed in per cent, so text never stretches. Pointer or keyboard picks a bar: the
 * plot is a slider over the bars (arrow keys, Home/End, Page Up/Down), whose value text reads the bar's figures,
 * and a box shows them to sighted users.
 */
export function BarChart({ points, unit, label }: { points: ChartPoint[]; unit: 'hour' | 'day'; label: string }) {
  const t = useTranslations('usage.charts');
  const figures = useTranslations('usage.figures');
  const format = useFormatter();
  const [active, setActive] = useState<number | null>(null);
  const n = Math.max(1, points.length);
  const { top, ticks } = valueAxis(Math.max(0, ...points.map((p) => p.calls)));
  const y = (v: number) => 100 - (v / top) * 100;
  const shown = active ?? n - 1;
  const point = points[shown];
  const describe = (p: ChartPoint) =>
    `${format.dateTime(new Date(p.at), WHEN[unit])}: ${figures('calls')} ${format.number(p.calls)}, ` +
    SERIES.map((k) => `${t(`series.${k}`)} ${format.number(k === 'ok' ? succeeded(p) : p[k])}`).join(', ');

  const pick = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setActive(Math.min(n - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * n))));
  };
  const page = unit === 'hour' ? 24 : 7;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -page, PageUp: page };
    let next: number | undefined;
    if (e.key in moves) next = shown + moves[e.key]!;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    if (next === undefined) return;
    e.preventDefault();
    setActive(Math.min(n - 1, Math.max(0, next)));
  };

  return (
    <figure className="grid gap-2">
      <div className="flex h-64 gap-2">
        {/* value axis */}
        <div className="relative w-10 shrink-0 text-right text-xs text-muted-foreground tabular-nums" aria-hidden>
          {ticks.map((v) => (
            <span key={v} className="absolute right-0 translate-y-1/2 leading-none" style={{ bottom: `${(v / top) * 100}%` }}>
              {format.number(v, { notation: 'compact' })}
            </span>
          ))}
        </div>
        <div
          role="slider"
          tabIndex={0}
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={n - 1}
          aria-valuenow={shown}
          aria-valuetext={point ? describe(point) : t('empty')}
          data-testid="usage-chart"
          className="relative flex-1 touch-pan-y rounded-sm"
          onPointerMove={pick}
          onPointerDown={pick}
          onPointerLeave={(e) => e.pointerType === 'mouse' && setActive(null)}
          onKeyDown={onKey}
          onFocus={() => setActive((a) => a ?? n - 1)}
          onBlur={() => setActive(null)}
        >
          <svg className="absolute inset-0 size-full overflow-visible" viewBox={`0 0 ${n} 100`} preserveAspectRatio="none" aria-hidden>
            {ticks.map((v) => (
              <line
                key={v}
                x1={0}
                x2={n}
                y1={y(v)}
                y2={y(v)}
                className="stroke-border"
                strokeDasharray={v ? '3 3' : undefined}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {active !== null && <rect x={active} width={1} y={0} height={100} className="fill-muted" />}
            {points.map((p, i) =>
              stack(p).map((s) => (
                <rect
                  key={`${i}-${s.key}`}
                  data-series={s.key}
                  x={i + 0.15}
                  width={0.7}
                  y={y(s.to)}
                  height={y(s.from) - y(s.to)}
                  className={SERIES_COLORS[s.key].fill}
                />
              )),
            )}
          </svg>
          {active !== null && point && (
            <div
              aria-hidden
              data-testid="usage-chart-tooltip"
              className="pointer-events-none absolute top-0 z-10 w-max max-w-56 rounded-md border border-border bg-card px-3 py-2 text-xs text-card-foreground shadow-md"
              style={active < n / 2 ? { left: `${((active + 1) / n) * 100}%` } : { right: `${((n - active) / n) * 100}%` }}
            >
              <p className="mb-1 font-medium">{format.dateTime(new Date(point.at), WHEN[unit])}</p>
              <p className="tabular-nums">
                {figures('calls')}: {format.number(point.calls)}
              </p>
              {SERIES.map((k) => (
                <p key={k} className="flex items-center gap-1.5 tabular-nums">
                  <span className={cn('size-2 rounded-sm', SERIES_COLORS[k].swatch)} />
                  {t(`series.${k}`)}: {format.number(k === 'ok' ? succeeded(point) : point[k])}
                </p>
              ))}
            </div>
          )}
        </div>
      </div>
      {/* date axis */}
      <div className="relative ml-12 h-4 text-xs text-muted-foreground" aria-hidden>
        {dateTicks(points, unit).map(({ index, minor }) => (
          <span
            key={index}
            className={cn('absolute -translate-x-1/2 whitespace-nowrap', minor && 'max-sm:hidden')}
            style={{ left: `${((index + 0.5) / n) * 100}%` }}
          >
            <span className="max-sm:hidden">{format.dateTime(new Date(points[index]!.at), TICK[unit])}</span>
            <span className="sm:hidden">{format.dateTime(new Date(points[index]!.at), NARROW_TICK[unit])}</span>
          </span>
        ))}
      </div>
      <figcaption>
        <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label={t('legend')}>
          {SERIES.map((k) => (
            <li key={k} className="flex items-center gap-1.5">
              <span aria-hidden className={cn('size-2.5 rounded-sm', SERIES_COLORS[k].swatch)} />
              {t(`series.${k}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
