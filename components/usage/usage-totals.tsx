import type { UsagePoint } from '@/lib/usage';

const number = new Intl.NumberFormat('en');

const FIGURES = [
  ['calls', 'Calls'],
  ['clientErrors', 'Client errors (4xx)'],
  ['throttled', 'Rate limited (429)'],
  ['serverErrors', 'Server errors (5xx)'],
] as const;

/** The four sums of a usage series (calls, 4xx, 429, 5xx); test ids `<testIdPrefix>-<figure>`. */
export function UsageTotals({ points, label, testIdPrefix }: { points: UsagePoint[]; label: string; testIdPrefix: string }) {
  return (
    <dl className="grid grid-cols-2 gap-x-8 gap-y-2 sm:grid-cols-4" aria-label={label}>
      {FIGURES.map(([key, name]) => (
        <div key={key}>
          <dt className="text-xs text-muted-foreground">{name}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={`${testIdPrefix}-${key}`}>
            {number.format(points.reduce((n, p) => n + p[key], 0))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
