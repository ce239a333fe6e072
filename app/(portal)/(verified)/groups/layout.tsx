import type { ReactNode } from 'react';
import { IntlScope } from '@/components/i18n/intl-scope';

/** The messages this area's client components use (lib/i18n/scopes.ts). */
export default function GroupsLayout({ children }: { children: ReactNode }) {
  return <IntlScope scope="groups">{children}</IntlScope>;
}
