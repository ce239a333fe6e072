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

const str = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
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
  const urlField = (label: string) =>
    str(2048).superRefine((v, ctx) => {
      if (!v) return;
      const r = checkServiceUrl(v, allowHttp);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: `${label}: ${urlProblemText(r.problem)}` });
    });
  return z
    .object({
      preset: str(40).optional(),
      name: str(80).min(1, 'Enter the service name.'),
      authType: z.enum(['oauth2', 'api_key', 'basic']).default('oauth2'),
      clientId: str(512).default(''),
      clientSecret: str(2048).default(''),
      authorizationUrl: urlField('Authorization URL').default(''),
      tokenUrl: urlField('Access-token URL').default(''),
      refreshUrl: urlField('Refresh-token URL').optional().or(blank),
      revocationUrl: urlField('Revocation URL').optional().or(blank),
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
        need('clientId', 'Enter the client ID the provider gave you.');
        need('clientSecret', 'Enter the client secret the provider gave you.');
        need('authorizationUrl', 'Enter the authorization URL.');
        need('tokenUrl', 'Enter the access-token URL.');
      }
      if (v.authType === 'api_key' && v.apiKeyHeader && !/^[A-Za-z0-9-]{1,100}$/.test(v.apiKeyHeader)) {
        ctx.addIssue({ code: 'custom', path: ['apiKeyHeader'], message: 'A header name has only letters, digits and dashes.' });
      }
      const extra = parseExtraParams(v.extraAuthParams);
      if (extra === null) ctx.addIssue({ code: 'custom', path: ['extraAuthParams'], message: 'Write one key=value a line (e.g. access_type=offline).' });
      else {
        const reserved = Object.keys(extra).filter((k) => RESERVED_PARAMS.has(k));
        if (reserved.length) ctx.addIssue({ code: 'custom', path: ['extraAuthParams'], message: `${reserved.join(', ')} is set by the flow itself.` });
      }
      const bases = v.allowedBaseUrls.split(/\s+/).filter(Boolean);
      if (bases.length === 0) ctx.addIssue({ code: 'custom', path: ['allowedBaseUrls'], message: 'Enter at least one API base URL that calls may go to.' });
      if (bases.length > 10) ctx.addIssue({ code: 'custom', path: ['allowedBaseUrls'], message: 'At most 10 base URLs.' });
      for (const b of bases) {
        const r = checkServiceUrl(b, allowHttp);
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', path: ['allowedBaseUrls'], message: `${b}: ${urlProblemText(r.problem)}` });
          break;
        }
        if (r.url.search) {
          ctx.addIssue({ code: 'custom', path: ['allowedBaseUrls'], message: `${b}: a base URL has no query.` });
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
  name: str(80).min(1, 'Enter a connection name.'),
  linkName: str(50).regex(LINK_NAME, 'Use 2–50 lower-case letters, digits and _, starting with a letter (e.g. crm_leads).'),
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
  url: z.string().trim().min(1, 'Enter a URL under the allowed base.').max(4096),
  body: z.string().max(100_000).default(''),
});

// isomorphic pieces the portal's client components use (they import this file, not the server-only index)
export { SERVICE_PRESETS, presetByKey, type ServicePreset } from './presets';
export type { InvokeResult } from './invoke-types';
