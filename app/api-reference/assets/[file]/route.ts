import { rendererAsset } from '@/lib/api-reference';

/**
 * The API reference renderer (lib/api-reference): a versioned URL, so cached for a year. Public, like the
 * page. Not compressed here: Next's own compression gzips route handler answers (it would gzip twice).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const body = await rendererAsset((await params).file);
  if (!body) return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  return new Response(body, {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' },
  });
}
