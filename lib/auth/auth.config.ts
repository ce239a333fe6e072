import type { NextAuthConfig } from 'next-auth';

/** The part of the Auth.js config that needs no database: pages and the optimistic `authorized` check. */
export const authConfig = {
  pages: { signIn: '/signin', error: '/signin' },
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  providers: [],
  callbacks: {
    // proxy.ts: only an optimistic redirect; pages and actions re-check the user in the data layer.
    authorized({ auth }) {
      return Boolean(auth?.user);
    },
  },
} satisfies NextAuthConfig;
