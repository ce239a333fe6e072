import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DATABASE_RETRY_AFTER_SECONDS, describeDatabaseError, isDatabaseUnavailable } from '@/db/errors';
import { traceSql } from '@/db/trace';
import { scopesFor } from '@/lib/connectors';
import { publicUrl } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { apiGeneratePin, apiLoginWithPin, oauthExchangeCode } from '@/lib/grants';
import { getMe, getReachableGroup, listReachableGroups } from '@/lib/platform';
import { exchangeRefreshToken } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';
import { requireAccess, type ApiEnv } from './auth';
import { ApiError, MAX_BODY_BYTES, payloadTooLarge, serviceUnavailable } from './errors';
import { databaseAnswers } from './health';

/**
 * The lean `/v1` router (product.md §2): auth, parsing, rate limit, call the domain, map errors to the
 * envelope `{ message, errorCode, errorCategoryKey }`. It never goes through Next.js.
 */
const MAX_HEADER = 4096;

function header(c: Context, name: string): string {
  const v = c.req.header(name) ?? '';
  if (v.length > MAX_HEADER) throw new ApiError(400, 'InvalidParameters', `The ${name} header is too long.`, 'InvalidParameters');
  return v.trim();
}

const clientIp = (c: Context) => c.req.header('x-connector-client-ip') ?? null;

async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  let raw: unknown;
  if (type.includes('application/x-www-form-urlencoded')) raw = Object.fromEntries(new URLSearchParams(await c.req.text()));
  else if (type.includes('application/json')) raw = await c.req.json().catch(() => {
    throw new ApiError(400, 'InvalidParameters', 'The body is not valid JSON.', 'InvalidParameters');
  });
  else throw new ApiError(415, 'UnsupportedMediaType', 'Send the body as application/json.', 'InvalidParameters');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError(400, 'InvalidParameters', `${issue.path.join('.') || 'body'}: ${issue.message}`, 'InvalidParameters');
  }
  return parsed.data;
}

const pinField = z.union([z.number().int().min(0).max(999_999), z.string().regex(/^\d{1,6}$/)]).transform((p) => String(p).padStart(6, '0'));

export function createApiRouter() {
  const api = new Hono<ApiEnv>().basePath('/v1');

  // count SQL statements per request when SQL_TRACE=1 (tests); free otherwise
  api.use('*', async (c, next) => {
    if (process.env.SQL_TRACE !== '1') return next();
    const statements = await traceSql(next);
    c.header('X-SQL-Statements', String(statements));
  });

  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // Connection: close — the unread rest of the body must not be parsed as the next request on this socket
      onError: (c) => c.json(payloadTooLarge().body(), 413, { Connection: 'close' }),
    }),
  );

  // liveness only (the process answers; no database): for orchestrators' liveness probes and bench L2
  api.get('/health/live', (c) => c.json({ status: 'ok' }));

  // readiness, product.md §12: reports the database; 503 (degraded) when it does not answer within a second
  api.get('/health', async (c) => {
    if (await databaseAnswers()) return c.json({ status: 'ok', database: 'ok' }, 200, { 'Cache-Control': 'no-store' });
    return c.json({ status: 'degraded', database: 'unavailable' }, 503, { 'Cache-Control': 'no-store', 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) });
  });

  // §4.1 — headers only, names case-insensitive (Node lowercases them)
  api.get('/accessToken', async (c) => {
    const applicationId = header(c, 'applicationId');
    const applicationSecret = header(c, 'applicationSecret');
    const refreshToken = header(c, 'refreshToken');
    const missing = [!applicationId && 'applicationId', !applicationSecret && 'applicationSecret', !refreshToken && 'refreshToken'].filter(Boolean);
    if (missing.length) throw new ApiError(400, 'InvalidParameters', `Missing header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`, 'InvalidParameters');
    const { body, headers } = await exchangeRefreshToken({ applicationId, applicationSecret, refreshToken, ip: clientIp(c), endpointUrl: publicUrl(), scopeFor: scopesFor });
    return c.json(body, 200, { ...headers, 'Cache-Control': 'no-store' });
  });

  // §4.4
  api.post('/generatePin', async (c) => {
    const b = await jsonBody(c, z.object({ mobileNumber: z.string().max(32), applicationId: z.string().max(64) }));
    await apiGeneratePin(b.mobileNumber, b.applicationId, clientIp(c));
    return c.json({});
  });

  api.post('/loginWithPinAndApplicationId', async (c) => {
    const b = await jsonBody(c, z.object({ mobileNumber: z.string().max(32), applicationId: z.string().max(64), pin: pinField, applicationSecret: z.string().max(200).optional() }));
    const out = await apiLoginWithPin({ ...b }, clientIp(c), publicUrl());
    return c.json(out, 200, { 'Cache-Control': 'no-store' });
  });

  // §4.5 — the token endpoint of the authorization code flow (the authorize page is /oauth/authorize)
  api.post('/oauth/token', async (c) => {
    const b = await jsonBody(
      c,
      z.object({ client_id: z.string().max(64), client_secret: z.string().max(200), code: z.string().min(1).max(200), redirect_uri: z.string().max(2000).optional(), grant_type: z.literal('authorization_code').optional() }),
    );
    const out = await oauthExchangeCode({ clientId: b.client_id, clientSecret: b.client_secret, code: b.code, redirectUri: b.redirect_uri }, clientIp(c));
    if (out.replayed) throw new ApiError(400, 'invalid_grant', 'The authorization code was already used; the tokens it produced are now revoked.', 'AuthException');
    const { body } = await exchangeRefreshToken({ applicationId: b.client_id, applicationSecret: b.client_secret, refreshToken: out.refreshToken, ip: clientIp(c), endpointUrl: publicUrl(), scopeFor: scopesFor });
    return c.json({ ...body, refreshToken: out.refreshToken }, 200, { 'Cache-Control': 'no-store' });
  });

  // §5.1 (reads)
  api.get('/groups', requireAccess('groupinfo'), async (c) => {
    const flag = (name: string) => ['true', '1'].includes((c.req.query(name) ?? '').toLowerCase());
    const { body, headers } = await listReachableGroups(c.get('claims'), { showDetail: flag('showDetail') || flag('showDetails'), fetchAllGroups: flag('fetchAllGroups') });
    return c.json(body, 200, headers);
  });

  api.get('/groups/:groupId', requireAccess('groupinfo'), async (c) => {
    const groupId = c.req.param('groupId').replace(/@\d+$/, '');
    if (!isUuid(groupId)) throw new ApiError(404, 'GroupNotFound', 'The group does not exist or this token cannot reach it.', 'ResourceNotFound');
    const { body, headers } = await getReachableGroup(c.get('claims'), groupId);
    return c.json(body, 200, headers);
  });

  api.get('/users/me', requireAccess('profile'), async (c) => {
    const { body, headers } = await getMe(c.get('claims'));
    return c.json(body, 200, headers);
  });

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
      console.error('[api] database unavailable:', describeDatabaseError(err));
      const e = serviceUnavailable();
      return c.json(e.body(), e.status, e.headers);
    }
    console.error('[api] unexpected error:', err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : 'unknown');
    return c.json(new ApiError(500, 'InternalError', 'Something went wrong on our side. Try again later.').body(), 500);
  });
  return api;
}
