import { NextResponse } from 'next/server';
import { devOutboxEnabled, listOutbox } from '@/lib/sms';

/** JSON feed of the dev SMS outbox (polled by /dev/outbox); 404 in production. */
export async function GET() {
  if (!devOutboxEnabled()) return new NextResponse('Not found', { status: 404 });
  const rows = await listOutbox(50);
  return NextResponse.json(
    rows.map((r) => ({ id: r.id, to: r.to, body: r.body, createdAt: r.createdAt.toISOString() })),
    { headers: { 'cache-control': 'no-store' } },
  );
}
