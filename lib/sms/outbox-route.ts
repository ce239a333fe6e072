import 'server-only';
import { NextResponse } from 'next/server';
import { devOutboxEnabled, listOutbox } from './index';

export async function GET() {
  if (!devOutboxEnabled()) return new NextResponse('Not found', { status: 404 });
  const rows = await listOutbox(50);
  return NextResponse.json(
    rows.map((r) => ({ id: r.id, to: r.to, body: r.body, createdAt: r.createdAt.toISOString() })),
    { headers: { 'cache-control': 'no-store' } },
  );
}
