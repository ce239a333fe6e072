import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth';
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from './locales';
import { loadCompiledMessages } from './precompile';

/**
 * The request's language: the switch's cookie, else the signed-in user's stored choice (a new browser), else the
 * browser's `Accept-Language`, else English. Dates are shown in UTC, as the audit log and the API do.
 */
export async function requestLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const user = await getCurrentUser().catch(() => null);
  if (isLocale(user?.locale)) return user.locale;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: loadCompiledMessages(locale), timeZone: 'UTC' };
});
