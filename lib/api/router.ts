import { randomUUID } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeDatabaseError, isDatabaseUnavailable } from '@/db/errors';
import { traceSql } from '@/db/trace';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { requireAccess, type ApiEnv } from './auth';
import { parseBody, validate } from './body';
import { ApiError, MAX_BODY_BYTES, payloadTooLarge, serviceUnavailable } from './errors';
import type { Route } from './route';
import { ROUTES } from './table';

/**
 * The lean `/v1` router (product.md §2, §12): request id, body limit, then every route of the table in
 * lib/api/table.ts with its permission, validation and handler; errors become the envelope
 * `{ message, errorCode, errorCategoryKey }`. It never goes through Next.js.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

const clientIp = (c: Context) => c.req.header('x-connector-client-ip') ?? null;
const requestId = (c: Context) => (c.get('requestId' as never) as string | undefined) ?? '-';

/** `/groups/{groupId}` → `/groups/:groupId` */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

function register(api: Hono<ApiEnv>, route: Route) {
  const guard: MiddlewareHandler<ApiEnv> = route.permission ? requireAccess(route.permission) : (_c, next) => next();
  api.on(route.method, honoPath(route.path), guard, async (c) => {
    const params = validate(route.params, c.req.param(), 'path');
    const query = validate(route.query, c.req.query(), 'query');
    let body: unknown;
    if (route.body) body = validate(route.body, parseBody(await c.req.text(), c.req.header('content-type') ?? '', route.bodyTypes ?? ['json']), 'body');
    const out = await route.handler({
      params,
      query,
      body,
      header: (name) => c.req.header(name) ?? '',
      claims: route.permission ? c.get('claims') : null,
      ip: clientIp(c),
    });
    return c.json(out.body as object, out.status ?? 200, out.headers);
  });
}

export function createApiRouter(routes: readonly Route[] = ROUTES) {
  const api = new Hono<ApiEnv>().basePath('/v1');

  // X-Request-Id on every answer (the caller's when it sent a sane one), and in every log line of the request
  api.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId' as never, id as never);
    c.header('X-Request-Id', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
  });

  // count SQL statements per request when SQL_TRACE=1 (tests); free otherwise
  if (config().SQL_TRACE) {
    api.use('*', async (c, next) => {
      const statements = await traceSql(next);
      c.header('X-SQL-Statements', String(statements));
    });
  }

  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // Connection: close — the unread rest of the body must not be parsed as the next request on this socket
      onError: (c) => c.json(payloadTooLarge().body(), 413, { Connection: 'close' }),
    }),
  );

  for (const route of routes) register(api, route);

  // a known path with another method: 405 with Allow (product.md §12)
  const methodsByPath = new Map<string, Set<string>>();
  for (const r of routes) {
    const set = methodsByPath.get(r.path) ?? new Set<string>();
    set.add(r.method);
    methodsByPath.set(r.path, set);
  }
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].join(', ');
    api.all(honoPath(path), (c) => {
      throw new ApiError(405, 'MethodNotAllowed', `${c.req.method} is not allowed here. Allowed: ${allow}.`, 'InvalidParameters', { Allow: allow });
    });
  }

  api.notFound(() => {
    throw new ApiError(404, 'NotFound', 'The requested resource does not exist.', 'ResourceNotFound');
  });
  api.onError((err, c) => {
    if (err instanceof DomainError) {
      const status = (err.options.status ?? 400) as ApiError['status'];
      const e = new ApiError(status, err.code, err.message, err.options.category, err.options.headers);
      return c.json(e.body(), e.status, e.headers);
    }
    if (err instanceof ApiError) return c.json(err.body(), err.status, err.headers);
    if (isDatabaseUnavailable(err)) {
      console.error(`[api] ${requestId(c)} database unavailable:`, describeDatabaseError(err));
      const e = serviceUnavailable();
      return c.json(e.body(), e.status, e.headers);
    }
    console.error(`[api] ${requestId(c)} unexpected error:`, err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : 'unknown');
    return c.json(new ApiError(500, 'InternalError', 'Something went wrong on our side. Try again later.').body(), 500);
  });
  return api;
}
