import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { IntlScope } from '@/components/i18n/intl-scope';
import { THEME_SCRIPT } from '@/components/layout/theme';
import { LazyToaster } from '@/components/ui/lazy-toaster';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.meta');
  return { title: { default: t('title'), template: t('template', { page: '%s' }) }, description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    // the theme script sets the `dark` class before React hydrates: the class is expected to differ
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <IntlScope>
          {children}
          <LazyToaster />
        </IntlScope>
      </body>
    </html>
  );
}
