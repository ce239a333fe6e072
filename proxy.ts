import { NextResponse, type NextRequest } from 'next/server';

// Pages only: route handlers under /api answer for themselves. Optimistic redirect only: it looks for the
// session cookie without decoding it, and never re-issues it (a response racing a sign-out must not bring
// the session back). Every page and server action checks the user again in the data layer
// (lib/auth/session.ts).
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(req: NextRequest) {
  const hasSession = req.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const url = new URL('/signin', req.nextUrl.origin);
  const path = req.nextUrl.pathname + req.nextUrl.search;
  if (path !== '/') url.searchParams.set('callbackUrl', path);
  return NextResponse.redirect(url);
}

// Not matched: sign-in, OAuth, route handlers, the dev outbox, /v1, Next's assets, robots.txt — and the API reference,
// which is public like the OpenAPI document it shows (its page reads the session itself, for the header).
export const config = {
  matcher: ['/((?!signin|oauth/|api/|api-reference(?:/|$)|dev/|v1|_next/|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|css|js)$).*)'],
};
