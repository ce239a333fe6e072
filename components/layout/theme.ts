/** The theme choice, kept in localStorage under THEME_KEY: `system` (the default) follows the OS setting. */
export const THEME_KEY = 'theme';
export type ThemeChoice = 'system' | 'light' | 'dark';

/**
 * Runs in <head> before the first paint (no flash of the wrong theme): the same decision as applyTheme().
 * Kept as a string because it must run before React; it only reads localStorage and matchMedia.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_KEY}');var d=t==='dark'||(t!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export function storedTheme(): ThemeChoice {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}
