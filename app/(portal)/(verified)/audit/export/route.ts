import { NextResponse, type NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth';
import { auditCsvStream, auditFilterOf, auditQuerySchema } from '@/lib/audit';
import { clientIp } from '@/lib/request';

/**
 * GET /audit/export?<the audit page's filters>: the filtered set as CSV, streamed (lib/audit/export.ts). Column
 * names, action names and outcomes stay machine-readable; the `action_label` column is in the reader's language
 * (and the free-text search matches those labels, as on the page).
 */
export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user?.activePhone) return NextResponse.redirect(new URL('/signin', req.url));
  const filter = auditFilterOf(auditQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams)));
  const t = await getTranslations('audit.actions');
  const stream = await auditCsvStream(user, filter, await clientIp(), (action) => t(action));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
