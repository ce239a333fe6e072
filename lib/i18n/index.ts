export { DEFAULT_LOCALE, LOCALES, LOCALE_COOKIE, LOCALE_NAMES, isLocale, negotiateLocale, type Locale } from './locales';
