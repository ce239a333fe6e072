'use client';
import { Search } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/** "Created by me" / "All Connectors" and the name search, kept in the URL. */
export function ConnectorsToolbar({ view, q }: { view: 'mine' | 'all'; q: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, start] = useTransition();
  const t = useTranslations('connectors.toolbar');

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    // a new filter starts from the first page
    next.delete('after');
    next.delete('before');
    if (value && !(key === 'view' && value === 'mine')) next.set(key, value);
    else next.delete(key);
    start(() => router.replace(`${pathname}${next.size ? `?${next}` : ''}`));
  };

  return (
    <div className="flex flex-wrap items-end gap-4" aria-busy={pending}>
      <div className="grid gap-1.5">
        <Label htmlFor="connector-view">{t('show')}</Label>
        <select
          id="connector-view"
          value={view}
          onChange={(e) => update('view', e.target.value)}
          className="h-9 rounded-md border border-border bg-background px-3 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <option value="mine">{t('mine')}</option>
          <option value="all">{t('all')}</option>
        </select>
      </div>
      <form
        role="search"
        className="grid gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          update('q', String(new FormData(e.currentTarget).get('q') ?? '').trim());
        }}
      >
        <Label htmlFor="connector-search">{t('search')}</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" />
          <Input
            id="connector-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t('searchPlaceholder')}
            className="w-64 pl-8"
            onChange={(e) => {
              if (e.target.value === '' && q) update('q', '');
            }}
          />
        </div>
      </form>
      {pending && <span className="pb-2 text-sm text-muted-foreground">{t('loading')}</span>}
    </div>
  );
}
