import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/utils';
import { listHref } from './list-url';

/**
 * A sortable column header: a link that sorts by this column (again: the other way). `aria-sort` on the
 * <th> tells screen readers the current order.
 */
export function SortHeader({
  label,
  column,
  sort,
  dir,
  path,
  params,
  className,
  defaultDir = 'asc',
}: {
  label: string;
  column: string;
  sort: string;
  dir: 'asc' | 'desc';
  path: string;
  params: Record<string, string | undefined>;
  className?: string;
  defaultDir?: 'asc' | 'desc';
}) {
  const t = useTranslations('common.sort');
  const active = sort === column;
  const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir;
  const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={cn('px-4 py-3 font-medium', className)}>
      <Link href={listHref(path, params, { sort: column, dir: nextDir })} className="inline-flex items-center gap-1 uppercase hover:text-foreground">
        {label}
        <Icon aria-hidden className={cn('size-3', !active && 'opacity-50')} />
        <span className="sr-only">{active ? (dir === 'asc' ? t('ascending') : t('descending')) : t('sort')}</span>
      </Link>
    </th>
  );
}
