import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ConnectorsTable } from '@/components/connectors/connectors-table';
import { ConnectorsToolbar } from '@/components/connectors/connectors-toolbar';
import { Pager } from '@/components/data-table/pager';
import { buttonVariants } from '@/components/ui/button';
import { requireVerifiedUser } from '@/lib/auth';
import { listConnectors, listConnectorsSchema } from '@/lib/connectors';
import { weeklyCalls } from '@/lib/usage';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('connectors.list'))('title') };
}

export default async function ConnectorsPage({ searchParams }: PageProps<'/connectors'>) {
  const user = await requireVerifiedUser();
  const t = await getTranslations('connectors.list');
  const query = listConnectorsSchema.parse(await searchParams);
  const page = await listConnectors(user, query);
  // one statement for the page's sparklines (the connectors the user may see)
  const weekly = Object.fromEntries(await weeklyCalls(page.rows.map((r) => r.id)));
  const params = {
    view: query.view === 'mine' ? undefined : query.view,
    q: query.q,
    sort: query.sort === 'created' ? undefined : query.sort,
    dir: query.dir === 'desc' ? undefined : query.dir,
  };
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t('description')}</p>
        </div>
        <Link href="/connectors/new" className={buttonVariants()}>
          <Plus aria-hidden />
          {t('new')}
        </Link>
      </div>
      <ConnectorsToolbar view={query.view} q={query.q} />
      <ConnectorsTable rows={page.rows} view={query.view} q={query.q} sort={query.sort} dir={query.dir} params={params} weeklyCalls={weekly} />
      <Pager path="/connectors" params={params} prev={page.prev} next={page.next} label={t('pages')} />
    </div>
  );
}
