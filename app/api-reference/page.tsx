import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApiReferenceViewer } from '@/components/api-reference/api-reference-viewer';
import { AppHeader, headerUser } from '@/components/layout/app-header';
import { rendererScriptUrl } from '@/lib/api-reference';
import { getCurrentUser } from '@/lib/auth';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiReference.meta');
  return { title: t('title') };
}

/**
 * Public, like /v1/openapi.json itself (proxy.ts lets it through): signed-in users see it under the portal
 * header, everyone else with a sign-in link.
 */
export default async function ApiReferencePage() {
  const user = await getCurrentUser();
  return (
    <ApiReferenceViewer
      header={<AppHeader user={user && headerUser(user)} signInReturnTo="/api-reference" />}
      scriptUrl={rendererScriptUrl()}
      documentUrl="/v1/openapi.json"
    />
  );
}
