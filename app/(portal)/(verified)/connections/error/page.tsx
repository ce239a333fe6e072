import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Connection not made' };

const REASONS: Record<string, { title: string; text: string }> = {
  denied: {
    title: 'Access was not allowed',
    text: 'The provider says access was declined on its consent page. Nothing was saved. Try again and select Allow/Accept.',
  },
  bad_state: {
    title: 'This sign-in link is not valid here',
    text: 'The answer from the provider does not belong to a connection you started in this browser, or it was already used or is older than 10 minutes. Nothing was saved. Start Create and Connect again.',
  },
  provider_error: {
    title: 'The provider refused the request',
    text: 'Nothing was saved. Check the service settings (client ID, scopes, redirect URL) and try again.',
  },
  missing_code: { title: 'The provider sent no authorization code', text: 'Nothing was saved. Try again.' },
  exchange_failed: {
    title: 'The provider did not hand over tokens',
    text: 'The authorization code could not be exchanged. Nothing was saved. Check the client secret, the access-token URL and the client authentication method, then try again.',
  },
  link_taken: { title: 'That link name was taken meanwhile', text: 'Nothing was saved. Create the connection again with another link name.' },
  gone: { title: 'The service or connection no longer exists', text: 'It was deleted while you were at the provider. Nothing was saved.' },
  signed_out: { title: 'You were signed out', text: 'Sign in again and start Create and Connect again. Nothing was saved.' },
};

export default async function ConnectionErrorPage({ searchParams }: PageProps<'/connections/error'>) {
  const q = await searchParams;
  const reason = REASONS[String(q.reason ?? '')] ?? REASONS.provider_error!;
  const detail = typeof q.detail === 'string' ? q.detail.slice(0, 300) : null;
  return (
    <Card className="mx-auto w-full max-w-xl">
      <CardHeader>
        <h1 className="text-xl font-semibold leading-none tracking-tight">{reason.title}</h1>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-sm">{reason.text}</p>
        {detail && (
          <Alert variant="error">
            The provider said: <span className="break-words font-mono text-xs">{detail}</span>
          </Alert>
        )}
        <Link href="/connections" className={buttonVariants({ className: 'justify-self-start' })}>
          Back to Connections
        </Link>
      </CardContent>
    </Card>
  );
}
