'use client';
import { Menu, X } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { cn } from '@/lib/utils';

/**
 * The header's navigation and user block: inline from the md breakpoint up; on a phone a Menu button that
 * shows them as a column (closed again after each navigation and by Escape).
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const t = useTranslations('layout.header');
  // open on the page where it was opened: a navigation closes it
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (o: boolean) => setOpenOn(o ? pathname : null);
  return (
    <>
      <button
        type="button"
        className="ml-auto inline-flex items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm md:hidden"
        aria-expanded={open}
        aria-controls="header-menu"
        onClick={() => setOpen(!open)}
      >
        {open ? <X aria-hidden className="size-4" /> : <Menu aria-hidden className="size-4" />}
        {t('menu')}
      </button>
      <div
        id="header-menu"
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
        className={cn('w-full flex-col gap-4 pb-2 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:gap-6 md:pb-0', open ? 'flex' : 'hidden')}
      >
        {children}
      </div>
    </>
  );
}
