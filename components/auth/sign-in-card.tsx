import { Plug } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { SignInButton } from './sign-in-button';

/** Auth.js error codes we explain; anything else gets the generic text. */
const KNOWN_ERRORS = ['Configuration', 'AccessDenied', 'Verification'] as const;

export function SignInCard({ callbackUrl, error, signedOut }: { callbackUrl?: string; error?: string; signedOut?: boolean }) {
  const t = useTranslations('auth.signIn');
  const known = KNOWN_ERRORS.find((e) => e === error);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-md">
        <CardHeader className="items-center text-center">
          <div className="mb-2 flex size-12 items-center justify-center rounded-xl bg-primary text-primary-foreground">
            <Plug aria-hidden className="size-6" />
          </div>
          <CardTitle className="text-2xl">
            <span className="sr-only">{t('titlePrefix')}</span>
            {t('productName')}
          </CardTitle>
          <CardDescription>{t('description')}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {signedOut && <Alert variant="success">{t('signedOut')}</Alert>}
          {error && <Alert variant="error">{known ? t(`errors.${known}`) : t('errors.generic')}</Alert>}
          <SignInButton callbackUrl={callbackUrl} />
          <p className="text-center text-xs text-muted-foreground">{t('hint')}</p>
        </CardContent>
      </Card>
    </main>
  );
}
