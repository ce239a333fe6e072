import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { Pager } from '@/components/data-table/pager';
import { requireVerifiedUser } from '@/lib/auth';
import { auditFilterOf, auditQuerySchema, listAuditEvents } from '@/lib/audit';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit.meta');
  return { title: t('title') };
}

export default async function AuditPage({ searchParams }: PageProps<'/audit'>) {
  const user = await requireVerifiedUser();
  const query = auditQuerySchema.parse(await searchParams);
  const actions = await getTranslations('audit.actions');
  const page = await listAuditEvents(user, query, (action) => actions(action));
  const filter = auditFilterOf(query);
  const t = await getTranslations('audit.page');
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{user.isOrgAdmin ? t('introAdmin', { tenant: user.tenantName }) : t('introOwn')}</p>
      </div>
      <AuditFilters filter={filter} isOrgAdmin={user.isOrgAdmin} />
      <AuditTable rows={page.rows} filter={filter} />
      <Pager
        path="/audit"
        params={{ ...filter, sort: filter.sort === 'newest' ? undefined : filter.sort }}
        prev={page.prev}
        next={page.next}
        label={t('pages')}
      />
    </div>
  );
}
