import { randomUUID } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeDatabaseError, isDatabaseUnavailable } from '@/db/errors';
import { traceSql } from '@/db/trace';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { requireAccess, type ApiEnv } from './auth';
import { parseBody, validate } from './body';
import { fingerprint, idempotencyKey, withIdempotency, type Outcome } from './idempotency';
import { errorResponse, MAX_BODY_BYTES, payloadTooLarge, serviceUnavailable } from './errors';
import { isLightJson, lightJson } from './light-response';
import type { Route } from './route';
import { ROUTES } from './table';
import { countUsage } from '@/lib/usage';

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

/** 413 with Connection: close — the unread rest of the body must not be parsed as the next request on the socket */
const tooLarge = (c: Context) => {
  const e = errorResponse(payloadTooLarge());
  return c.json(e.body, e.status, e.headers);
};

const statusOf = (err: unknown) => {
  if (!(err instanceof DomainError)) return null;
  const e = errorResponse(err);
  return { status: e.status, body: e.body };
};

function register(api: Hono<ApiEnv>, route: Route) {
  const guard: MiddlewareHandler<ApiEnv> = route.permission ? requireAccess(route.permission, route.bots ?? false) : (_c, next) => next();
  const streamed = route.bodyTypes?.includes('multipart') ?? false;
  const writes = route.permission !== null && (route.method === 'POST' || route.method === 'PUT');
  api.on(route.method, honoPath(route.path), guard, async (c) => {
    const params = validate(route.params, c.req.param(), 'path');
    const query = validate(route.query, c.req.query(), 'query');
    let raw: unknown;
    let body: unknown;
    if (route.body && !streamed) {
      raw = parseBody(await c.req.text(), c.req.header('content-type') ?? '', route.bodyTypes ?? ['json']);
      body = validate(route.body, raw, 'body');
    }
    const claims = route.permission ? c.get('claims') : null;
    const run = async (): Promise<Outcome> => {
      const out = await route.handler({ params, query, body, header: (name) => c.req.header(name) ?? '', claims, ip: clientIp(c), request: c.req.raw });
      if ('json' in out) return { status: out.status ?? 200, body: undefined, json: out.json, headers: out.headers ?? {} };
      return { status: out.status ?? 200, body: out.body, headers: out.headers ?? {}, raw: out.raw };
    };
    // Idempotency-Key on platform POST/PUT (product.md §12); the token service's calls are not replayable.
    // A streamed upload is not kept to compare: its key stands for the upload (method and path still count).
    const key = writes ? idempotencyKey(c.req.header('idempotency-key') ?? '') : null;
    const print = fingerprint(route.method, c.req.path, streamed ? { streamed: true } : raw);
    const out = key && claims ? await withIdempotency(claims, key, print, run, statusOf) : await run();
    if (out.raw) return out.raw;
    const headers = { ...out.headers, 'X-Request-Id': requestId(c) };
    return lightJson(out.json ?? JSON.stringify(out.body), out.status, headers);
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
    if (!isLightJson(c.res)) c.res.headers.set('X-Request-Id', id);
  });

  // usage per connector (issue 13 §2), in memory: calls with a verified access token, and token exchanges that
  // succeeded (the connector proved its secret). Calls nobody authenticated are nobody's usage.
  api.use('*', async (c, next) => {
    await next();
    const cid =
      c.get('claims')?.cid ?? (c.res.status === 200 && c.req.path === '/v1/accessToken' ? c.req.header('applicationId')?.trim().toLowerCase() : undefined);
    if (cid) countUsage(cid, c.res.status);
  });

  // count SQL statements per request when SQL_TRACE=1 (tests); free otherwise
  if (config().SQL_TRACE) {
    api.use('*', async (c, next) => {
      const statements = await traceSql(next);
      c.header('X-SQL-Statements', String(statements));
    });
  }

  // Bodies over 1 MiB: 413 before they are read. A declared Content-Length is checked here, so the body is then
  // read straight from the socket (node-server's fast path; hono's bodyLimit would build a WHATWG Request and
  // stream for every request with a body); a chunked body is counted by hono's bodyLimit as it is read. A request
  // with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 §6.3): nothing to limit.
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: tooLarge,
  });
  // multipart routes (media) stream their body under limits of their own (lib/media)
  const streamedRoutes = new Set(routes.filter((r) => r.bodyTypes?.includes('multipart')).map((r) => `${r.method} /v1${r.path}`));
  api.use('*', (c, next) => {
    if (streamedRoutes.has(`${c.req.method} ${c.req.path}`)) return next();
    if (c.req.header('transfer-encoding') !== undefined) return limitBody(c, next);
    const length = c.req.header('content-length');
    return length !== undefined && parseInt(length, 10) > MAX_BODY_BYTES ? Promise.resolve(tooLarge(c)) : next();
  });

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
      throw new DomainError('MethodNotAllowed', { method: c.req.method, allow }, { headers: { Allow: allow } });
    });
  }

  api.notFound(() => {
    throw new DomainError('NotFound');
  });
  api.onError((err, c) => {
    let known: DomainError;
    if (err instanceof DomainError) known = err;
    else if (isDatabaseUnavailable(err)) {
      console.error(`[api] ${requestId(c)} database unavailable:`, describeDatabaseError(err));
      known = serviceUnavailable();
    } else {
      console.error(`[api] ${requestId(c)} unexpected error:`, err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : 'unknown');
      known = new DomainError('InternalError');
    }
    const e = errorResponse(known);
    return c.json(e.body, e.status, e.headers);
  });
  return api;
}
