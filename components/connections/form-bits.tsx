'use client';
import { useTranslations } from 'next-intl';
import type { ComponentProps } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { cn } from '@/lib/utils';

/** A native select styled like Input (no select primitive in components/ui yet). */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        'flex h-9 w-full rounded-md border border-border bg-background px-3 py-1 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-[invalid=true]:border-destructive',
        className,
      )}
      {...props}
    />
  );
}

/** The redirect URL to register at the provider, shown (with Copy) before anything is saved. */
export function RedirectUrlBox({ url }: { url: string }) {
  const t = useTranslations('connections.setup');
  return (
    <div className="grid gap-2 rounded-lg border border-primary/30 bg-primary/5 p-3">
      <p className="text-sm font-medium" id="redirect-url-label">
        {t('redirectUrl')}
      </p>
      <p className="text-xs text-muted-foreground">{t('redirectUrlHint')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-labelledby="redirect-url-label"
          className="min-w-0 flex-1 break-all rounded bg-background px-2 py-1 font-mono text-xs"
          data-testid="redirect-url"
        >
          {url}
        </code>
        <CopyButton value={url} what={t('redirectUrl')} />
      </div>
    </div>
  );
}

export type Errors = Record<string, string[] | undefined>;

/** FormData → plain strings (what createServiceAction takes). */
export const formValues = (form: FormData) => Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
