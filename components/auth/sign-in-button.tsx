'use client';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { signInWithOffice365 } from '@/lib/auth/actions';

function OfficeLogo() {
  return (
    <svg viewBox="0 0 21 21" aria-hidden className="size-4">
      <rect x="0" y="0" width="10" height="10" fill="#f25022" />
      <rect x="11" y="0" width="10" height="10" fill="#7fba00" />
      <rect x="0" y="11" width="10" height="10" fill="#00a4ef" />
      <rect x="11" y="11" width="10" height="10" fill="#ffb900" />
    </svg>
  );
}

export function SignInButton({ callbackUrl }: { callbackUrl?: string }) {
  const [pending, start] = useTransition();
  const t = useTranslations('auth.signIn');
  return (
    <Button
      size="lg"
      variant="outline"
      className="w-full"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const res = await signInWithOffice365({ callbackUrl });
          if (res && !res.ok) toast.error(res.message);
        })
      }
    >
      <OfficeLogo />
      {pending ? t('redirecting') : t('button')}
    </Button>
  );
}
