import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';

/** Breadcrumb link to the parent section, the page title, and badges or text beside/below it. */
export function PageHeader({
  parent,
  title,
  badges,
  children,
}: {
  parent: { href: string; label: string };
  title: string;
  badges?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div>
      <Link href={parent.href} className="text-sm text-muted-foreground hover:underline">
        {parent.label}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {badges}
      </div>
      {children}
    </div>
  );
}
