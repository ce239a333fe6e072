import { Download, Search } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useLocale, useTranslations } from 'next-intl';
import { listHref } from '@/components/data-table/list-url';
import { Button, buttonVariants } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import type { AuditFilter } from '@/lib/audit/schemas';

const SELECT = 'h-9 w-full rounded-md border border-border bg-background px-3 text-sm shadow-sm';

/** The audit log's filters: a plain GET form (works before any script loads), and the CSV export of the same set. */
export function AuditFilters({ filter, isOrgAdmin }: { filter: AuditFilter; isOrgAdmin: boolean }) {
  const params = { ...filter, sort: filter.sort === 'newest' ? undefined : filter.sort };
  const t = useTranslations('audit');
  const locale = useLocale();
  const label = (a: (typeof AUDIT_ACTIONS)[number]) => t(`actions.${a}`);
  const sorted = [...AUDIT_ACTIONS].sort((a, b) => label(a).localeCompare(label(b), locale));
  return (
    <form method="get" action="/audit" role="search" aria-label={t('filters.label')} className="grid gap-4 rounded-xl border border-border bg-card p-4">
      <div className="grid gap-1.5">
        <Label htmlFor="audit-q">{t('filters.search')}</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" />
          <Input id="audit-q" name="q" type="search" defaultValue={filter.q} placeholder={t('filters.searchPlaceholder')} className="pl-8" />
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {isOrgAdmin && (
          <div className="grid gap-1.5">
            <Label htmlFor="audit-actor">{t('filters.actor')}</Label>
            <Input id="audit-actor" name="actor" defaultValue={filter.actor} placeholder={t('filters.actorPlaceholder')} />
          </div>
        )}
        <div className="grid gap-1.5">
          <Label htmlFor="audit-action">{t('filters.action')}</Label>
          <select id="audit-action" name="action" defaultValue={filter.action} className={SELECT}>
            <option value="">{t('filters.anyAction')}</option>
            {sorted.map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-target">{t('filters.target')}</Label>
          <Input id="audit-target" name="target" defaultValue={filter.target} placeholder={t('filters.targetPlaceholder')} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-from">{t('filters.from')}</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-to">{t('filters.to')}</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={filter.to} />
        </div>
      </div>
      {filter.sort !== 'newest' && <input type="hidden" name="sort" value={filter.sort} />}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit">{t('filters.apply')}</Button>
        <Link href="/audit" className={buttonVariants({ variant: 'ghost' })}>
          {t('filters.clear')}
        </Link>
        <a href={listHref('/audit/export', params, {})} className={buttonVariants({ variant: 'outline', className: 'sm:ml-auto' })} download>
          <Download aria-hidden />
          {t('filters.export')}
        </a>
      </div>
    </form>
  );
}
