'use client';

/**
 * Toasts without shipping sonner on every page: the first toast loads it, mounts the Toaster
 * (components/ui/lazy-toaster.tsx) and then shows; later ones show at once. Same calls as sonner's `toast`.
 */
type Sonner = typeof import('sonner');
type Show = (toast: Sonner['toast']) => void;

let loading: Promise<Sonner> | undefined;
let mounted = false;
const waiting: Show[] = [];
let mount: ((sonner: Sonner) => void) | undefined;

function show(call: Show) {
  loading ??= import('sonner');
  if (mounted) {
    void loading.then((s) => call(s.toast));
    return;
  }
  waiting.push(call);
  void loading.then((s) => mount?.(s));
}

/** The Toaster asks to be told when sonner has loaded (returns the unsubscribe). */
export function whenToastsNeeded(fn: (sonner: Sonner) => void): () => void {
  mount = fn;
  if (loading) void loading.then(fn);
  return () => {
    if (mount === fn) mount = undefined;
    mounted = false;
  };
}

/** The Toaster has mounted (and subscribed): show what waited for it. */
export function toasterMounted() {
  mounted = true;
  void loading?.then((s) => {
    for (const call of waiting.splice(0)) call(s.toast);
  });
}

export const toast = {
  success: (message: string) => show((t) => t.success(message)),
  error: (message: string) => show((t) => t.error(message)),
};
