'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useSyncExternalStore } from 'react';
import { cn } from '@/lib/utils';
import { applyTheme, storedTheme, THEME_KEY, type ThemeChoice } from './theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const ICON = { system: Monitor, light: Sun, dark: Moon };
const CHANGED = 'theme-change';

/** The stored choice as React state: changes here, in another tab (storage event) or none on the server. */
function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** One button that steps System → Light → Dark; the choice is remembered in this browser and followed live when it is System. */
export function ThemeSwitch({ className }: { className?: string }) {
  const current = useSyncExternalStore(subscribe, storedTheme, () => 'system' as const);
  const t = useTranslations('layout.theme');

  useEffect(() => {
    applyTheme(current);
    if (current !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [current]);

  const Icon = ICON[current];
  const change = () => {
    const next = NEXT[current];
    try {
      if (next === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
    } catch {
      // storage refused (private mode): nothing to remember
    }
    window.dispatchEvent(new Event(CHANGED));
  };
  return (
    <button
      type="button"
      onClick={change}
      aria-label={t('label', { current: t(current) })}
      title={t('title', { current: t(current), next: t(NEXT[current]) })}
      data-theme-choice={current}
      className={cn(
        'inline-flex size-9 shrink-0 items-center justify-center rounded-md border border-border text-muted-foreground hover:bg-muted hover:text-foreground',
        className,
      )}
    >
      <Icon aria-hidden className="size-4" />
    </button>
  );
}
