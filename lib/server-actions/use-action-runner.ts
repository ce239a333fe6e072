'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from '@/lib/toast';
import type { ActionResult } from '@/lib/server-actions/action-client';

/** Runs a server action with a pending state; toasts the outcome and refreshes the page's data. */
export function useActionRunner() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const run = <T>(call: () => Promise<ActionResult<T>>, success: string | ((data: T) => string), after?: (res: ActionResult<T>) => void) =>
    start(async () => {
      const res = await call();
      if (res.ok) {
        toast.success(typeof success === 'function' ? success(res.data) : success);
        router.refresh();
      } else if (!res.fieldErrors) {
        toast.error(res.message);
      }
      after?.(res);
    });
  return { pending, run };
}
