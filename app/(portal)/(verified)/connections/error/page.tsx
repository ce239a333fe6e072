import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('connections.meta');
  return { title: t('error') };
}

/** Why Create and Connect ended without a connection (the callback's `reason`); words in `connections.callbackError.reasons`. */
const REASONS = ['denied', 'bad_state', 'provider_error', 'missing_code', 'exchange_failed', 'link_taken', 'gone', 'signed_out'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: unknown): value is Reason => (REASONS as readonly unknown[]).includes(value);

export default async function ConnectionErrorPage({ searchParams }: PageProps<'/connections/error'>) {
  const q = await searchParams;
  const t = await getTranslations('connections.callbackError');
  const reason: Reason = isReason(q.reason) ? q.reason : 'provider_error';
  const detail = typeof q.detail === 'string' ? q.detail.slice(0, 300) : null;
  return (
    <Card className="mx-auto w-full max-w-xl">
      <CardHeader>
        <h1 className="text-xl font-semibold leading-none tracking-tight">{t(`reasons.${reason}.title`)}</h1>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-sm">{t(`reasons.${reason}.text`)}</p>
        {detail && (
          <Alert variant="error">
            {t('providerSaid')} <span className="break-words font-mono text-xs">{detail}</span>
          </Alert>
        )}
        <Link href="/connections" className={buttonVariants({ className: 'justify-self-start' })}>
          {t('back')}
        </Link>
      </CardContent>
    </Card>
  );
}
