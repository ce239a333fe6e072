export { DEFAULT_LOCALE, LOCALES, LOCALE_COOKIE, LOCALE_NAMES, isLocale, negotiateLocale, type Locale } from './locales';
export { CLIENT_SCOPES, ROOT_NAMESPACES, pickNamespaces, scopeNamespaces, type ClientScope } from './scopes';
