'use client';
import { LogOut } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth/actions';

export function SignOutButton() {
  const [pending, start] = useTransition();
  const t = useTranslations('layout.header');
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const res = await signOutAction({});
          if (res && !res.ok) toast.error(res.message);
        })
      }
    >
      <LogOut aria-hidden />
      {pending ? t('signingOut') : t('signOut')}
    </Button>
  );
}
