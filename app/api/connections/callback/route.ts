import { NextResponse, type NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth';
import { publicUrl } from '@/lib/config';
import { BROWSER_COOKIE, completeCallback } from '@/lib/connections';
import { DomainError } from '@/lib/errors';
import { clientIp } from '@/lib/request';

/**
 * Where providers send the browser back after Create and Connect (the redirect URL admins register). The
 * outcome is a redirect: to the connection's page, or to a page that says what went wrong.
 */
export async function GET(req: NextRequest) {
  const to = (path: string) => {
    const res = NextResponse.redirect(new URL(path, publicUrl()), 303);
    res.cookies.delete({ name: BROWSER_COOKIE, path: '/api/connections/callback' });
    res.headers.set('cache-control', 'no-store');
    return res;
  };
  const user = await getCurrentUser();
  if (!user) return to('/connections/error?reason=signed_out');
  let out;
  try {
    out = await completeCallback(user, req.nextUrl.searchParams, req.cookies.get(BROWSER_COOKIE)?.value ?? null, await clientIp());
  } catch (err) {
    // the service or connection was deleted while the browser was at the provider
    if (err instanceof DomainError) return to('/connections/error?reason=gone');
    throw err;
  }
  if (out.ok) return to(`/connections/${out.connectionId}?${out.reconnected ? 'reconnected' : 'connected'}=1`);
  const q = new URLSearchParams({ reason: out.reason, ...(out.detail ? { detail: out.detail.slice(0, 300) } : {}) });
  return to(`/connections/error?${q}`);
}
