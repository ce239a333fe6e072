'use client';
import { Languages } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useTransition } from 'react';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n';
import { setLocaleAction } from '@/lib/i18n/actions';
import { cn } from '@/lib/utils';

/** The header's language switch: remembered in this browser and, when signed in, for the user. */
export function LanguageSwitch({ className }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations('layout.header');
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  return (
    <div className={cn('relative inline-flex items-center', className)}>
      <label htmlFor={id} className="sr-only">
        {t('language')}
      </label>
      <Languages aria-hidden className="pointer-events-none absolute left-2.5 size-4 text-muted-foreground" />
      <select
        id={id}
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          start(async () => {
            if (await setLocaleAction(next)) router.refresh();
          });
        }}
        className="h-9 appearance-none rounded-md border border-border bg-card py-1 pl-8 pr-3 text-sm hover:bg-muted"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
