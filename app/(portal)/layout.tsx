import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppHeader, headerUser } from '@/components/layout/app-header';
import { requireUser } from '@/lib/auth';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations('common');
  return (
    <div className="min-h-screen">
      <a
        href="#main-content"
        className="sr-only rounded-md bg-card px-4 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50"
      >
        {t('skipLink')}
      </a>
      <AppHeader user={headerUser(user)} />
      <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-8 outline-none sm:px-6">
        {children}
      </main>
    </div>
  );
}
