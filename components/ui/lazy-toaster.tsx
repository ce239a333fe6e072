'use client';
import { useEffect, useState } from 'react';
import type { Toaster as SonnerToaster } from 'sonner';
import { toasterMounted, whenToastsNeeded } from '@/lib/toast';

/** Sonner's Toaster, loaded with the first toast (lib/toast.ts) instead of on every page. */
export function LazyToaster() {
  const [Toaster, setToaster] = useState<typeof SonnerToaster | null>(null);
  useEffect(() => whenToastsNeeded((s) => setToaster(() => s.Toaster)), []);
  // children's effects run first: the Toaster has subscribed by now
  useEffect(() => {
    if (Toaster) toasterMounted();
  }, [Toaster]);
  return Toaster ? <Toaster richColors position="bottom-right" closeButton /> : null;
}
