import 'server-only';
import NextAuth from 'next-auth';
import { cache } from 'react';
import { clientIp } from '@/lib/request';
import { authConfig } from './auth.config';
import { linkSignIn } from './link-account';
import { buildProviders } from './providers';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
  }
}

const nextAuth = NextAuth({
  ...authConfig,
  providers: buildProviders(),
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, account, profile }) {
      if (account && profile) {
        const { userId } = await linkSignIn(
          {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            issuer: typeof profile.iss === 'string' ? profile.iss : undefined,
            claims: profile as Record<string, unknown>,
          },
          await clientIp().catch(() => null),
        );
        token.uid = userId;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
});

export const { handlers, signIn, signOut } = nextAuth;
/** The session cookie, decoded once per request. Pages and actions use `requireUser()` instead. */
export const auth = cache(nextAuth.auth);
