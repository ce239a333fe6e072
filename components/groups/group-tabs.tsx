'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { cn } from '@/lib/utils';

/**
 * USERS | SUB GROUPS | CONNECTORS | ACTIONS (kaizala-connectors.md §2.5) | MESSAGES (ours: the portal stands in
 * for the mobile app's conversation) | WEBHOOKS (ours). CONNECTORS and WEBHOOKS only for admins; every tab checks again on the server.
 */
export function GroupTabs({ id, showConnectors }: { id: string; showConnectors: boolean }) {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // on a phone the tabs scroll sideways: keep the current one in view
  useEffect(() => {
    const active = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav.current && active) nav.current.scrollLeft = active.offsetLeft + active.offsetWidth - nav.current.clientWidth + 16;
  }, [pathname]);
  const tabs = [
    { href: `/groups/${id}`, label: 'USERS' },
    { href: `/groups/${id}/subgroups`, label: 'SUB GROUPS' },
    ...(showConnectors ? [{ href: `/groups/${id}/connectors`, label: 'CONNECTORS' }] : []),
    { href: `/groups/${id}/actions`, label: 'ACTIONS' },
    { href: `/groups/${id}/messages`, label: 'MESSAGES' },
    ...(showConnectors ? [{ href: `/groups/${id}/webhooks`, label: 'WEBHOOKS' }] : []),
  ];
  return (
    <nav ref={nav} aria-label="Group sections" className="relative flex gap-1 overflow-x-auto border-b border-border">
      {tabs.map((t) => {
        const active = pathname === t.href;
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'shrink-0 border-b-2 px-2.5 py-2 text-xs font-semibold tracking-wide sm:px-4 sm:tracking-wider',
              active ? 'border-primary text-primary' : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
