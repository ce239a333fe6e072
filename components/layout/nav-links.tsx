'use client';
import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/utils';
import { NAV_SECTIONS } from './sections';

export function NavLinks() {
  const pathname = usePathname();
  const t = useTranslations('layout.nav');
  return (
    <nav aria-label={t('main')} className="flex flex-col gap-1 text-sm md:flex-row md:flex-wrap md:items-center">
      <Link
        href="/"
        aria-current={pathname === '/' ? 'page' : undefined}
        className={cn('whitespace-nowrap rounded-md px-3 py-1.5 hover:bg-muted', pathname === '/' && 'bg-muted font-medium')}
      >
        {t('home')}
      </Link>
      {NAV_SECTIONS.map((s) => {
        const active = pathname.startsWith(s.href);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={active ? 'page' : undefined}
            className={cn('whitespace-nowrap rounded-md px-3 py-1.5 hover:bg-muted', active && 'bg-muted font-medium')}
          >
            {t(s.nav)}
          </Link>
        );
      })}
    </nav>
  );
}
