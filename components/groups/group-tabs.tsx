'use client';
import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { cn } from '@/lib/utils';

/**
 * USERS | SUB GROUPS | CONNECTORS | ACTIONS (kaizala-connectors.md §2.5) | MESSAGES (ours: the portal stands in
 * for the mobile app's conversation) | WEBHOOKS (ours). CONNECTORS and WEBHOOKS only for admins; every tab checks again on the server.
 */
export function GroupTabs({ id, showConnectors }: { id: string; showConnectors: boolean }) {
  const t = useTranslations('groups.tabs');
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // on a phone the tabs scroll sideways: keep the current one in view
  useEffect(() => {
    const active = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav.current && active) nav.current.scrollLeft = active.offsetLeft + active.offsetWidth - nav.current.clientWidth + 16;
  }, [pathname]);
  const tabs = [
    { href: `/groups/${id}`, label: t('users') },
    { href: `/groups/${id}/subgroups`, label: t('subGroups') },
    ...(showConnectors ? [{ href: `/groups/${id}/connectors`, label: t('connectors') }] : []),
    { href: `/groups/${id}/actions`, label: t('actions') },
    { href: `/groups/${id}/messages`, label: t('messages') },
    ...(showConnectors ? [{ href: `/groups/${id}/webhooks`, label: t('webhooks') }] : []),
  ];
  return (
    <nav ref={nav} aria-label={t('label')} className="relative flex gap-1 overflow-x-auto border-b border-border">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'shrink-0 border-b-2 px-2.5 py-2 text-xs font-semibold tracking-wide sm:px-4 sm:tracking-wider',
              active ? 'border-primary text-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
