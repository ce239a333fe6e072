import { NextResponse } from 'next/server';
import { actionResponsesExport, csvLine } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth';
import { DomainError, describeError } from '@/lib/errors';
import { isUuid } from '@/lib/utils';

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * CSV export of an action's responses (the ACTIONS tab's "Download responses"): only people who may view
 * the group, with the card's rules (a sender-only action: your own response; an anonymous survey: no
 * names). Streamed a row at a time; cells a spreadsheet would run as formulas are defused.
 */
export async function GET(_req: Request, ctx: RouteContext<'/api/groups/[id]/actions/[actionId]/responses'>) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: 'Sign in again.', errorCode: 'SessionEnded' }, { status: 401, headers: NO_STORE });
  const { id, actionId } = await ctx.params;
  if (!isUuid(id) || !isUuid(actionId)) return NextResponse.json({ message: 'Not found.', errorCode: 'NotFound' }, { status: 404, headers: NO_STORE });
  try {
    const { filename, rows } = await actionResponsesExport(user, id, actionId);
    const encoder = new TextEncoder();
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // a BOM first, so spreadsheets read the file as UTF-8
        if (i === 0) controller.enqueue(encoder.encode('\uFEFF'));
        if (i >= rows.length) return controller.close();
        controller.enqueue(encoder.encode(csvLine(rows[i++]!)));
      },
    });
    return new Response(body, {
      headers: { ...NO_STORE, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
    });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const e = describeError(err);
    return NextResponse.json({ message: e.message, errorCode: e.errorCode }, { status: e.status, headers: NO_STORE });
  }
}
