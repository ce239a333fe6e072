/** The portal's languages (issue 13 §3). Client-safe: no server imports here. `/v1` stays English. */
export const LOCALES = ['en', 'de', 'fr', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** next-intl's cookie name: the language switch sets it; it wins over the stored preference and the browser. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** Each language in its own words, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', fr: 'Français', tr: 'Türkçe' };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The best of our languages for an `Accept-Language` header (q-values honoured, region ignored), else English. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split('-')[0]!.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranked.map((r) => r.primary).find(isLocale) ?? DEFAULT_LOCALE;
}
