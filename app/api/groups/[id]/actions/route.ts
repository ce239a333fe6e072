import { NextResponse, type NextRequest } from 'next/server';
import { listGroupActions } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth';
import { DomainError, describeError } from '@/lib/errors';
import { isUuid } from '@/lib/utils';

const NO_STORE = { 'cache-control': 'no-store' };

/** JSON feed of the ACTIONS tab (polled with TanStack Query): the same rules as the page (lib/actions), `?cursor=` for older pages. */
export async function GET(req: NextRequest, ctx: RouteContext<'/api/groups/[id]/actions'>) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: 'Sign in again.', errorCode: 'SessionEnded' }, { status: 401, headers: NO_STORE });
  const { id } = await ctx.params;
  if (!isUuid(id)) return NextResponse.json({ message: 'Not found.', errorCode: 'GroupNotFound' }, { status: 404, headers: NO_STORE });
  try {
    return NextResponse.json(await listGroupActions(user, id, { cursor: req.nextUrl.searchParams.get('cursor') }), { headers: NO_STORE });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const e = describeError(err);
    return NextResponse.json({ message: e.message, errorCode: e.errorCode }, { status: e.status, headers: NO_STORE });
  }
}
