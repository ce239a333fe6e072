import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { AuthorizeForm } from '@/components/oauth/authorize-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DomainError } from '@/lib/errors';

import { validateAuthorizeRequest } from '@/lib/grants';
import { portalTranslator, translateError } from '@/lib/i18n/server';
import { firstParam } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('oauth.page'))('metaTitle') };
}

/**
 * OAuth 2.0 authorize page (kaizala-connectors.md §4.5): sign in with your phone number and a PIN; the
 * browser then goes back to the connector's registered redirect URL with `code` (and `state`).
 */
export default async function AuthorizePage({ searchParams }: PageProps<'/oauth/authorize'>) {
  await connection();
  const p = await searchParams;
  const clientId = firstParam(p.client_id) ?? '';
  const redirectUri = firstParam(p.redirect_uri) ?? '';
  const state = firstParam(p.state) || undefined;
  let app: Awaited<ReturnType<typeof validateAuthorizeRequest>> | null = null;
  let error: string | null = null;
  const t = await getTranslations('oauth.page');
  const tp = await getTranslations('connectors.permissions');
  try {
    app = await validateAuthorizeRequest(clientId, redirectUri);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    error = translateError(await portalTranslator(), err.code, err.params, err.message);
  }
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-md">
        {app ? (
          <>
            <CardHeader>
              <CardTitle className="text-xl">{t('title', { name: app.name })}</CardTitle>
              <CardDescription>
                {t('description', {
                  name: app.name,
                  permissions: app.permissions.map((key) => (tp.has(`${key}.label`) ? tp(`${key}.label`) : key)).join(', '),
                })}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <AuthorizeForm clientId={clientId} redirectUri={redirectUri} state={state} />
            </CardContent>
          </>
        ) : (
          <CardHeader>
            <CardTitle className="text-xl">{t('brokenTitle')}</CardTitle>
            <CardDescription role="alert">{error}</CardDescription>
          </CardHeader>
        )}
      </Card>
    </main>
  );
}
