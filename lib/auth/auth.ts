import 'server-only';
import { randomUUID } from 'node:crypto';
import NextAuth from 'next-auth';
import { cache } from 'react';
import { clientIp } from '@/lib/request';
import { authConfig, SESSION_MAX_AGE_SECONDS } from './auth.config';
import { linkSignIn } from './link-account';
import { buildProviders } from './providers';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
    /** this sign-in's id: sign-out puts it into revoked_sessions (lib/auth/session.ts checks it) */
    sid?: string;
    /** when this sign-in ends for good (epoch seconds), however often the cookie is re-issued */
    sidExpiresAt?: number;
  }
}

const nextAuth = NextAuth({
  ...authConfig,
  providers: buildProviders(),
  callbacks: {
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
        // one id per sign-in, so sign-out can end exactly this session on the server
        token.sid = randomUUID();
        token.sidExp = Math.floor(Date.now() / 1000) + SESSION_MAX_AGE_SECONDS;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      if (typeof token.sid === 'string') session.sid = token.sid;
      if (typeof token.sidExp === 'number') session.sidExpiresAt = token.sidExp;
      return session;
    },
  },
});

export const { handlers, signIn, signOut } = nextAuth;
/** The session cookie, decoded once per request. Pages and actions use `requireUser()` instead. */
export const auth = cache(nextAuth.auth);
