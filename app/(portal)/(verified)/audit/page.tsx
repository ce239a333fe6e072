import type { Metadata } from 'next';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { Pager } from '@/components/data-table/pager';
import { requireVerifiedUser } from '@/lib/auth';
import { auditFilterOf, auditQuerySchema, listAuditEvents } from '@/lib/audit';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: PageProps<'/audit'>) {
  const user = await requireVerifiedUser();
  const query = auditQuerySchema.parse(await searchParams);
  const page = await listAuditEvents(user, query);
  const filter = auditFilterOf(query);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {user.isOrgAdmin
            ? `Every change and every secret or token shown in ${user.tenantName}, by people and connectors. Secrets themselves are never recorded.`
            : 'Every change you made and every secret or token you were shown. Organization admins see everyone’s.'}
        </p>
      </div>
      <AuditFilters filter={filter} isOrgAdmin={user.isOrgAdmin} />
      <AuditTable rows={page.rows} filter={filter} />
      <Pager
        path="/audit"
        params={{ ...filter, sort: filter.sort === 'newest' ? undefined : filter.sort }}
        prev={page.prev}
        next={page.next}
        label="Audit log pages"
      />
    </div>
  );
}
