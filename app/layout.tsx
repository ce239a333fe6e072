import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from '@/components/layout/theme';
import { LazyToaster } from '@/components/ui/lazy-toaster';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Connector Portal', template: '%s · Connector Portal' },
  description: 'Connect third-party systems to your conversation groups.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    // the theme script sets the `dark` class before React hydrates: the class is expected to differ
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider>
          {children}
          <LazyToaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
