import { z } from 'zod';
import { checkServiceUrl, LINK_NAME, normaliseBase, urlProblemText } from './urls';

/**
 * Inputs of the Connections pages (shared by the forms and the server actions). Provider URLs are checked
 * with `checkServiceUrl` (https unless CONNECTIONS_ALLOW_HTTP), so the schema is built per setting.
 */
export const SCOPE_DELIMITERS = { space: ' ', comma: ',', plus: '+' } as const;
export type ScopeDelimiterKey = keyof typeof SCOPE_DELIMITERS;

export const delimiterKey = (d: string): ScopeDelimiterKey => (d === ',' ? 'comma' : d === '+' ? 'plus' : 'space');

/** Scopes as typed: split on whitespace, commas and the delimiter, de-duplicated, order kept. */
export function splitScopes(text: string): string[] {
  return [...new Set(text.split(/[\s,+]+/).filter(Boolean))];
}

/** The lengths `str` is used with: each has its message key `connections.errors.atMost.n<max>` (the portal translates it). */
type MaxLength = 40 | 50 | 80 | 100 | 200 | 512 | 1000 | 2000 | 2048 | 4000;
const str = (max: MaxLength) => z.string().trim().max(max, `connections.errors.atMost.n${max}`);

/**
 * A field error with arguments: the English text (what callers without a translator see) and, in `params`, the
 * message key with its arguments; arguments in `keyed` are message keys themselves (a field's label, a URL
 * problem). createService translates these (issueText); argument-free messages are keys the portal's edge translates.
 */
export interface IssueParams {
  key: string;
  values?: Record<string, string>;
  keyed?: Record<string, string>;
}
const issue = (message: string, params: IssueParams, path?: string[]) => ({ code: 'custom' as const, message, params, ...(path ? { path } : {}) });
const blank = z.literal('').transform(() => undefined);

/** `key=value` pairs, one a line or `&`-separated. */
export function parseExtraParams(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of text.split(/[\n&]+/).map((p) => p.trim())) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(key)) return null;
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Parameters the flow sets itself: an admin cannot override them. */
const RESERVED_PARAMS = new Set(['client_id', 'redirect_uri', 'response_type', 'state', 'code_challenge', 'code_challenge_method', 'scope']);

export function serviceSchema(allowHttp: boolean) {
  const urlField = (label: string, field: 'authorizationUrl' | 'tokenUrl' | 'refreshUrl' | 'revocationUrl') =>
    str(2048).superRefine((v, ctx) => {
      if (!v) return;
      const r = checkServiceUrl(v, allowHttp);
      if (!r.ok) {
        ctx.addIssue(
          issue(`${label}: ${urlProblemText(r.problem)}`, {
            key: 'connections.errors.urlProblem',
            keyed: { label: `connections.fields.${field}`, problem: `connections.errors.problems.${r.problem}` },
          }),
        );
      }
    });
  return z
    .object({
      preset: str(40).optional(),
      name: str(80).min(1, 'connections.errors.serviceName'),
      authType: z.enum(['oauth2', 'api_key', 'basic']).default('oauth2'),
      clientId: str(512).default(''),
      clientSecret: str(2048).default(''),
      authorizationUrl: urlField('Authorization URL', 'authorizationUrl').default(''),
      tokenUrl: urlField('Access-token URL', 'tokenUrl').default(''),
      refreshUrl: urlField('Refresh-token URL', 'refreshUrl').optional().or(blank),
      revocationUrl: urlField('Revocation URL', 'revocationUrl').optional().or(blank),
      scopes: str(2000).default(''),
      scopeDelimiter: z.enum(['space', 'comma', 'plus']).default('space'),
      extraAuthParams: str(2000).default(''),
      tokenAuthMethod: z.enum(['body', 'basic']).default('body'),
      apiKeyHeader: str(100).default(''),
      allowedBaseUrls: str(4000).default(''),
    })
    .superRefine((v, ctx) => {
      const need = (path: keyof typeof v, message: string) => {
        if (!v[path]) ctx.addIssue({ code: 'custom', path: [path], message });
      };
      if (v.authType === 'oauth2') {
        need('clientId', 'connections.errors.clientId');
        need('clientSecret', 'connections.errors.clientSecret');
        need('authorizationUrl', 'connections.errors.authorizationUrl');
        need('tokenUrl', 'connections.errors.tokenUrl');
      }
      if (v.authType === 'api_key' && v.apiKeyHeader && !/^[A-Za-z0-9-]{1,100}$/.test(v.apiKeyHeader)) {
        ctx.addIssue({ code: 'custom', path: ['apiKeyHeader'], message: 'connections.errors.apiKeyHeader' });
      }
      const extra = parseExtraParams(v.extraAuthParams);
      if (extra === null) ctx.addIssue({ code: 'custom', path: ['extraAuthParams'], message: 'connections.errors.extraAuthParams' });
      else {
        const reserved = Object.keys(extra).filter((k) => RESERVED_PARAMS.has(k));
        if (reserved.length) {
          const params = reserved.join(', ');
          ctx.addIssue(issue(`${params} is set by the flow itself.`, { key: 'connections.errors.reservedParams', values: { params } }, ['extraAuthParams']));
        }
      }
      const bases = v.allowedBaseUrls.split(/\s+/).filter(Boolean);
      if (bases.length === 0) ctx.addIssue({ code: 'custom', path: ['allowedBaseUrls'], message: 'connections.errors.noBaseUrl' });
      if (bases.length > 10) ctx.addIssue({ code: 'custom', path: ['allowedBaseUrls'], message: 'connections.errors.tooManyBaseUrls' });
      for (const b of bases) {
        const r = checkServiceUrl(b, allowHttp);
        if (!r.ok) {
          ctx.addIssue(
            issue(
              `${b}: ${urlProblemText(r.problem)}`,
              { key: 'connections.errors.baseUrlProblem', values: { url: b }, keyed: { problem: `connections.errors.problems.${r.problem}` } },
              ['allowedBaseUrls'],
            ),
          );
          break;
        }
        if (r.url.search) {
          ctx.addIssue(issue(`${b}: a base URL has no query.`, { key: 'connections.errors.baseUrlQuery', values: { url: b } }, ['allowedBaseUrls']));
          break;
        }
      }
    })
    .transform((v) => ({
      ...v,
      defaultScopes: splitScopes(v.scopes),
      extra: parseExtraParams(v.extraAuthParams) ?? {},
      bases: v.allowedBaseUrls
        .split(/\s+/)
        .filter(Boolean)
        .map((b) => normaliseBase(new URL(b))),
    }));
}
export type ServiceInput = z.input<ReturnType<typeof serviceSchema>>;

export const connectSchema = z.object({
  serviceId: z.uuid(),
  name: str(80).min(1, 'connections.errors.connectionName'),
  linkName: str(50).regex(LINK_NAME, 'connections.errors.linkName'),
  scopes: str(2000).default(''),
  /** API key services: the key; Basic services: user name and password */
  apiKey: str(4000).default(''),
  username: str(200).default(''),
  password: str(1000).default(''),
});
export type ConnectInput = z.input<typeof connectSchema>;

export const connectionIdSchema = z.object({ id: z.uuid() });
export const serviceIdSchema = z.object({ id: z.uuid() });

export const INVOKE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The body of `invoke` (and of the portal's Try it). */
export const invokeSchema = z.object({
  url: z.string().min(1).max(4096).describe('Absolute URL under an allowed base, e.g. https://www.googleapis.com/drive/v3/files'),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(INVOKE_METHODS))
    .default('GET')
    .describe('GET, POST, PUT, PATCH or DELETE (any case); default GET'),
  headers: z
    .record(z.string().max(200), z.string().max(8192))
    .optional()
    .describe('Extra request headers (not Authorization, Cookie, Host, Proxy-*, X-Forwarded-* or transport headers)'),
  params: z
    .record(z.string().max(200), z.union([z.string().max(4096), z.number(), z.boolean()]))
    .optional()
    .describe('Query parameters, appended to the URL'),
  body: z.unknown().optional().describe('Request body: a JSON value (sent as application/json) or a string (sent as it is)'),
});
export type InvokeInput = z.output<typeof invokeSchema>;

export const tryItSchema = z.object({
  id: z.uuid(),
  method: z.enum(INVOKE_METHODS),
  url: z.string().trim().min(1, 'connections.errors.tryUrl').max(4096),
  body: z.string().max(100_000).default(''),
});

// isomorphic pieces the portal's client components use (they import this file, not the server-only index)
export { SERVICE_PRESETS, presetByKey, type ServicePreset } from './presets';
export type { InvokeResult } from './invoke-types';
