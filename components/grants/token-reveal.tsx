'use client';
import { KeyRound } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { CopyButton } from '@/components/ui/copy-button';

/** A freshly issued refresh token, shown with a copy button and what to do with it. */
export function NewTokenNotice({ token, title, note }: { token: string; title: string; note: string }) {
  const t = useTranslations('grants');
  return (
    <Alert variant="success" className="grid gap-3">
      <div className="flex items-center gap-2 font-semibold">
        <KeyRound aria-hidden className="size-4" />
        {title}
      </div>
      <div className="flex items-center gap-2">
        <code
          data-testid="new-refresh-token"
          className="min-w-0 flex-1 break-all rounded-md border border-emerald-300 bg-card px-3 dark:border-emerald-800 py-2 font-mono text-xs text-foreground"
        >
          {token}
        </code>
        <CopyButton value={token} what={t('refreshToken')} />
      </div>
      <p className="text-xs">{note}</p>
    </Alert>
  );
}
