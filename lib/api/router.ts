import { Hono } from 'hono';
import { ApiError } from './errors';

/**
 * The lean `/v1` router (product.md §2): auth, parsing, rate limit, call the domain, map errors to the
 * envelope. It never goes through Next.js.
 */
export function createApiRouter() {
  const api = new Hono().basePath('/v1');

  api.get('/health', (c) => c.json({ status: 'ok' }));

  api.notFound(() => {
    throw new ApiError(404, 'NotFound', 'The requested resource does not exist.');
  });
  api.onError((err, c) => {
    if (err instanceof ApiError) {
      return c.json(err.body(), err.status, err.headers);
    }
    console.error('[api] unexpected error:', err instanceof Error ? err.name : 'unknown');
    return c.json(new ApiError(500, 'InternalError', 'Something went wrong on our side. Try again later.').body(), 500);
  });
  return api;
}
