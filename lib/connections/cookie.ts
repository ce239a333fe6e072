import { config } from '@/lib/config';

/**
 * The cookie that binds an authorization in flight to this browser (product.md §9: `state` bound to the
 * session). It travels only to the callback, lives as long as a state, and is HttpOnly; SameSite=Lax so
 * the provider's top-level redirect back carries it.
 */
export const BROWSER_COOKIE = 'cp_connection_flow';

export function browserCookieOptions() {
  const secure = (config().AUTH_URL ?? '').startsWith('https://');
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/api/connections/callback', maxAge: 600 };
}
