import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickNamespaces, scopeNamespaces, type ClientScope } from '@/lib/i18n';

/** The messages client components under it can use: the root ones, plus `scope`'s (lib/i18n/scopes.ts). */
export async function IntlScope({ scope, children }: { scope?: ClientScope; children: ReactNode }) {
  const messages = pickNamespaces(await getMessages(), scopeNamespaces(scope));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
