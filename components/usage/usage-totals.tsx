import { useFormatter, useTranslations } from 'next-intl';
import type { UsagePoint } from '@/lib/usage';

const FIGURES = ['calls', 'clientErrors', 'throttled', 'serverErrors'] as const;

/** The four sums of a usage series (calls, 4xx, 429, 5xx); test ids `<testIdPrefix>-<figure>`. */
export function UsageTotals({ points, label, testIdPrefix }: { points: UsagePoint[]; label: string; testIdPrefix: string }) {
  const t = useTranslations('usage.figures');
  const format = useFormatter();
  return (
    <dl className="grid grid-cols-2 gap-x-8 gap-y-2 sm:grid-cols-4" aria-label={label}>
      {FIGURES.map((key) => (
        <div key={key}>
          <dt className="text-xs text-muted-foreground">{t(key)}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={`${testIdPrefix}-${key}`}>
            {format.number(points.reduce((n, p) => n + p[key], 0))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
