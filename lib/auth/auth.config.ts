import type { NextAuthConfig } from 'next-auth';

/** A portal session lasts at most this long from sign-in (the cookie is not renewed beyond it). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The part of the Auth.js config that needs no database (proxy.ts only checks that a session cookie exists). */
export const authConfig = {
  pages: { signIn: '/signin', error: '/signin' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
} satisfies NextAuthConfig;
