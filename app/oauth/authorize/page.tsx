import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AuthorizeForm } from '@/components/oauth/authorize-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DomainError } from '@/lib/errors';
import { permissionLabel } from '@/lib/connectors';
import { validateAuthorizeRequest } from '@/lib/grants';
import { firstParam } from '@/lib/utils';

export const metadata: Metadata = { title: 'Sign in to connect' };

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
  try {
    app = await validateAuthorizeRequest(clientId, redirectUri);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    error = err.message;
  }
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-md">
        {app ? (
          <>
            <CardHeader>
              <CardTitle className="text-xl">Connect {app.name}</CardTitle>
              <CardDescription>
                Sign in with your phone number. {app.name} will be able to act in the groups you belong to, with these permissions:{' '}
                {app.permissions.map(permissionLabel).join(', ')}.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <AuthorizeForm clientId={clientId} redirectUri={redirectUri} state={state} />
            </CardContent>
          </>
        ) : (
          <CardHeader>
            <CardTitle className="text-xl">This sign-in link does not work</CardTitle>
            <CardDescription role="alert">{error}</CardDescription>
          </CardHeader>
        )}
      </Card>
    </main>
  );
}
