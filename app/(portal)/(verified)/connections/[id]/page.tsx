import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConnectionControls } from '@/components/connections/connection-controls';
import { ConnectionSummary } from '@/components/connections/connection-summary';
import { Snippets } from '@/components/connections/snippets';
import { TryIt } from '@/components/connections/try-it';
import { Alert } from '@/components/ui/alert';
import { requireVerifiedUser } from '@/lib/auth';
import { publicUrl } from '@/lib/config';
import { getConnectionDetails } from '@/lib/connections';
import { pageData } from '@/lib/server-actions/page-data';
import { isUuid } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('connections.meta');
  return { title: t('connection') };
}

export default async function ConnectionPage({ params, searchParams }: PageProps<'/connections/[id]'>) {
  const user = await requireVerifiedUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { connection: c, service } = await pageData(user, getConnectionDetails(user, id));
  const q = await searchParams;
  const sampleUrl = service.allowedBaseUrls[0] ?? 'https://';
  const t = await getTranslations('connections');
  return (
    <div className="grid min-w-0 gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <Link href="/connections" className="text-sm text-primary hover:underline">
            {t('list.back')}
          </Link>
          <h1 className="mt-2 break-words text-2xl font-semibold tracking-tight">{c.name}</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            <Link href={`/connections/services/${service.id}`} className="hover:underline">
              {service.name}
            </Link>{' '}
            · {t('connection.linkName')} <code className="font-mono">{c.linkName}</code>
          </p>
        </div>
        {user.isOrgAdmin && <ConnectionControls id={c.id} name={c.name} status={c.status} oauth={service.authType === 'oauth2'} />}
      </div>
      {q.connected && c.status === 'connected' && <Alert variant="success">{t('connection.connected', { name: c.name })}</Alert>}
      {q.reconnected && c.status === 'connected' && <Alert variant="success">{t('connection.reconnected', { name: c.name })}</Alert>}
      {c.status === 'needs_reconnect' && (
        <Alert variant="error">
          {t('connection.needsReconnect')} {user.isOrgAdmin ? t('connection.selectReconnect') : t('connection.askAdmin')}
        </Alert>
      )}
      <ConnectionSummary c={c} />
      <Snippets endpoint={publicUrl()} linkName={c.linkName} sampleUrl={sampleUrl} />
      {user.isOrgAdmin && c.status === 'connected' && <TryIt id={c.id} sampleUrl={sampleUrl} />}
    </div>
  );
}
