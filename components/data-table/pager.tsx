import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { listHref } from './list-url';

/** Previous / Next links of a keyset-paged list (cursors from lib/paging). Renders nothing on a single page. */
export function Pager({
  path,
  params,
  prev,
  next,
  label,
}: {
  path: string;
  params: Record<string, string | undefined>;
  prev: string | null;
  next: string | null;
  label: string;
}) {
  const t = useTranslations('common.pager');
  if (!prev && !next) return null;
  const link = (href: string | null, text: string, icon: 'prev' | 'next') =>
    href ? (
      <Link href={href} className={buttonVariants({ variant: 'outline', size: 'sm' })} rel={icon}>
        {icon === 'prev' && <ChevronLeft aria-hidden />}
        {text}
        {icon === 'next' && <ChevronRight aria-hidden />}
      </Link>
    ) : (
      <span aria-disabled="true" className={cn(buttonVariants({ variant: 'outline', size: 'sm' }), 'pointer-events-none opacity-50')}>
        {icon === 'prev' && <ChevronLeft aria-hidden />}
        {text}
        {icon === 'next' && <ChevronRight aria-hidden />}
      </span>
    );
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2">
      {link(prev ? listHref(path, params, { before: prev }) : null, t('previous'), 'prev')}
      {link(next ? listHref(path, params, { after: next }) : null, t('next'), 'next')}
    </nav>
  );
}
