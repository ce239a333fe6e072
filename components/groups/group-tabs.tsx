'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

/** USERS | SUB GROUPS | CONNECTORS | ACTIONS (kaizala-connectors.md §2.5). CONNECTORS only for admins. */
export function GroupTabs({ id, showConnectors }: { id: string; showConnectors: boolean }) {
  const pathname = usePathname();
  const tabs = [
    { href: `/groups/${id}`, label: 'USERS' },
    { href: `/groups/${id}/subgroups`, label: 'SUB GROUPS' },
    ...(showConnectors ? [{ href: `/groups/${id}/connectors`, label: 'CONNECTORS' }] : []),
    { href: `/groups/${id}/actions`, label: 'ACTIONS' },
  ];
  return (
    <nav aria-label="Group sections" className="flex gap-1 border-b border-border">
      {tabs.map((t) => {
        const active = pathname === t.href;
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'border-b-2 px-4 py-2 text-xs font-semibold tracking-wider',
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
