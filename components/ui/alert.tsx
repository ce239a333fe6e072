import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

export function Alert({ className, variant = 'info', ...props }: ComponentProps<'div'> & { variant?: 'info' | 'error' | 'success' }) {
  return (
    <div
      role={variant === 'error' ? 'alert' : 'status'}
      className={cn(
        'rounded-lg border px-4 py-3 text-sm',
        variant === 'info' && 'border-primary/30 bg-primary/5 text-foreground',
        variant === 'error' && 'border-destructive/40 bg-destructive/5 text-destructive',
        variant === 'success' && 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
        className,
      )}
      {...props}
    />
  );
}
