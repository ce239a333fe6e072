import { NextResponse } from 'next/server';
import { proxyAuth } from '@/lib/auth/auth';

// Optimistic redirect only: every page and server action re-checks the user in the data layer.
export const proxy = proxyAuth((req) => {
  if (!req.auth?.user) {
    const url = new URL('/signin', req.nextUrl.origin);
    const path = req.nextUrl.pathname + req.nextUrl.search;
    if (path !== '/') url.searchParams.set('callbackUrl', path);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

export const config = {
  matcher: ['/((?!signin|api/auth|dev/|v1|_next/|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)'],
};
