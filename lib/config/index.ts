import { z } from 'zod';

/**
 * The one place that reads the environment (conventions §16, t3-env style). Everything else calls
 * `config()`. Values are parsed and validated once, lazily (a `next build` imports modules without
 * running them); `assertConfig()` runs at server start and stops a bad start-up with one line naming the
 * variable. Separate programs (scripts/, bench/, e2e/, playwright.config.ts, drizzle.config.ts) read
 * their own settings.
 */
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const millis = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
const optional = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const url = z.url({ protocol: /^https?$/ });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** unset: every interface (production behind a load balancer); scripts/run.mjs sets localhost */
  HOSTNAME: optional,
  TRUST_PROXY: flag,

  DATABASE_URL: optional,
  DATABASE_POOL_MAX: count(10),
  DATABASE_CONNECT_TIMEOUT_MS: millis(2_000),
  DATABASE_STATEMENT_TIMEOUT_MS: millis(5_000),
  DATABASE_LOCK_TIMEOUT_MS: millis(3_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(10_000),
  SQL_TRACE: flag,
  RESET_DB: flag,
  SEED_DEMO: flag,

  AUTH_SECRET: optional,
  AUTH_URL: url.optional(),
  PUBLIC_URL: url.optional(),
  AUTH_PROVIDER: z.enum(['local', 'microsoft-entra-id', 'oidc']).default('local'),
  AUTH_MICROSOFT_ENTRA_ID_ID: optional,
  AUTH_MICROSOFT_ENTRA_ID_SECRET: optional,
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: url.optional(),
  AUTH_OIDC_ID: optional,
  AUTH_OIDC_SECRET: optional,
  AUTH_OIDC_ISSUER: url.optional(),
  AUTH_OIDC_NAME: z.string().default('Single sign-on'),
  AUTH_LOCAL_ISSUER: url.optional(),
  AUTH_LOCAL_ID: z.string().default('connector-portal'),
  AUTH_LOCAL_SECRET: z.string().default('local-dev-client-secret'),
  IDP_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  AUTH_TENANT_CLAIM: z.string().min(1).default('tid'),
  AUTH_ORG_ADMIN_ROLES: list('OrgAdmin,Kaizala.Admin'),

  APP_ENCRYPTION_KEY: optional,

  SMS_PROVIDER: z.enum(['outbox', 'twilio']).default('outbox'),
  SMS_TWILIO_ACCOUNT_SID: optional,
  SMS_TWILIO_AUTH_TOKEN: optional,
  SMS_TWILIO_FROM: optional,
  SMS_TWILIO_MESSAGING_SERVICE_SID: optional,
  SMS_TWILIO_BASE_URL: url.optional(),
  DEV_OUTBOX: flag,

  RATE_LIMIT_PER_CONNECTOR: count(100),
  RATE_LIMIT_PER_TENANT: count(300),
  AUTH_FAILURES_PER_IP: count(20),
  AUTH_FAILURES_PER_CONNECTOR: count(60),
  /**
   * Token exchanges answered from memory (verdict cache invalidated by LISTEN/NOTIFY, counters flushed to
   * Postgres every RATE_FLUSH_MS). 0 turns both off: every exchange is one SQL statement again.
   */
  EXCHANGE_CACHE: z.enum(['0', '1']).default('1'),
  RATE_FLUSH_MS: z.coerce.number().int().min(10).max(1000).default(100),
  /** usage counters per connector (charts) are added to Postgres in one statement this often */
  USAGE_FLUSH_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  PIN_SENDS_PER_NUMBER: count(5),
  PIN_SENDS_PER_NUMBER_TOTAL: count(15),
  PIN_SENDS_PER_IP: count(20),
  PIN_SENDS_PER_TENANT: count(100),
  PIN_SENDS_GLOBAL: count(1000),
  IP_BUDGET_ALLOWLIST: list(''),

  /** media (POST /v1/media): where files go, the size limit per kind, how long a signed URL lives */
  MEDIA_STORE: z.enum(['local', 's3']).default('local'),
  /** local store: the folder (relative to the working directory), default `.data/media` */
  MEDIA_DIR: z.string().min(1).default('.data/media'),
  MEDIA_MAX_IMAGE_BYTES: count(10 * 1024 * 1024),
  MEDIA_MAX_AUDIO_BYTES: count(25 * 1024 * 1024),
  MEDIA_MAX_VIDEO_BYTES: count(100 * 1024 * 1024),
  MEDIA_MAX_DOCUMENT_BYTES: count(25 * 1024 * 1024),
  MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(900),
  /** S3-compatible store (MEDIA_STORE=s3): bucket, region, endpoint (MinIO, R2, …), credentials (else the SDK's chain) */
  S3_BUCKET: optional,
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: url.optional(),
  S3_FORCE_PATH_STYLE: flag,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_PREFIX: z.string().default(''),

  /** webhooks (issue 13): the worker inside the app (0: run `npm run worker` instead), its limits */
  WEBHOOK_WORKER: z.enum(['0', '1']).default('1'),
  /** http://localhost callback URLs and no address checks (dev, the local demo, the tests); unset: on unless production */
  WEBHOOK_ALLOW_LOCAL_CALLBACKS: z.enum(['0', '1']).optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** a claimed delivery is another worker's after this long (a worker killed mid-delivery); > the timeout */
  WEBHOOK_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  WEBHOOK_CONCURRENCY: count(256),
  WEBHOOK_PER_ENDPOINT_CONCURRENCY: count(8),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(1_000),
  /** test-only hooks (/dev/webhooks/*: pause this process's worker, make waiting retries due now); never in production */
  WEBHOOK_TEST_HOOKS: flag,
  /** outbound connections (product.md §9): plain-http provider URLs only when set (local demo and tests) */
  CONNECTIONS_ALLOW_HTTP: flag,
  /** largest provider answer `invoke` passes on (bytes); beyond it 502 */
  CONNECTIONS_MAX_RESPONSE_BYTES: count(1024 * 1024),
  /** how long a call to a provider (API, token, revocation endpoint) may take */
  CONNECTIONS_TIMEOUT_MS: count(30_000),
  /** an access token this close to its expiry is refreshed before use */
  CONNECTIONS_REFRESH_SKEW_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** the worker's scheduled refresh: how often it looks (ms; 0 = off, tokens then refresh on use only) */
  CONNECTIONS_SWEEP_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** …and how far ahead: access tokens expiring within this many seconds are refreshed */
  CONNECTIONS_SWEEP_LOOKAHEAD_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
});

export type Config = z.output<typeof schema>;

/** What production cannot run without (checked at start-up only: a build runs with NODE_ENV=production too). */
function productionProblems(c: Config): string[] {
  const problems: string[] = [];
  const need = (name: keyof Config, why: string) => {
    if (!c[name]) problems.push(`${name}: ${why}`);
  };
  need('DATABASE_URL', 'required (a PostgreSQL connection string)');
  need('APP_ENCRYPTION_KEY', 'required (32-byte keys, base64, with ids: k1:BASE64)');
  need('AUTH_URL', 'required (the public URL of the portal)');
  if (!c.AUTH_SECRET || c.AUTH_SECRET.length < 32) problems.push('AUTH_SECRET: required, at least 32 characters of random data');
  if (c.AUTH_PROVIDER === 'microsoft-entra-id') {
    need('AUTH_MICROSOFT_ENTRA_ID_ID', 'required with AUTH_PROVIDER=microsoft-entra-id');
    need('AUTH_MICROSOFT_ENTRA_ID_SECRET', 'required with AUTH_PROVIDER=microsoft-entra-id');
    need('AUTH_MICROSOFT_ENTRA_ID_ISSUER', 'required with AUTH_PROVIDER=microsoft-entra-id (https://login.microsoftonline.com/<tenant-id>/v2.0/)');
  }
  if (c.AUTH_PROVIDER === 'oidc') {
    for (const n of ['AUTH_OIDC_ID', 'AUTH_OIDC_SECRET', 'AUTH_OIDC_ISSUER'] as const) need(n, 'required with AUTH_PROVIDER=oidc');
  }
  if (c.WEBHOOK_LEASE_MS <= c.WEBHOOK_TIMEOUT_MS) problems.push('WEBHOOK_LEASE_MS: must be longer than WEBHOOK_TIMEOUT_MS');
  if (c.MEDIA_STORE === 's3') need('S3_BUCKET', 'required with MEDIA_STORE=s3');
  if (c.SMS_PROVIDER === 'twilio') {
    need('SMS_TWILIO_ACCOUNT_SID', 'required with SMS_PROVIDER=twilio');
    need('SMS_TWILIO_AUTH_TOKEN', 'required with SMS_PROVIDER=twilio');
    if (!c.SMS_TWILIO_FROM && !c.SMS_TWILIO_MESSAGING_SERVICE_SID)
      problems.push('SMS_TWILIO_FROM: required with SMS_PROVIDER=twilio (or SMS_TWILIO_MESSAGING_SERVICE_SID)');
  }
  return problems;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>, opts: { production?: boolean } = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  if (opts.production) {
    const problems = productionProblems(parsed.data);
    if (problems.length) throw new ConfigError(problems);
  }
  return parsed.data;
}

let cached: Config | undefined;

/** The validated settings, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests that change the environment call this to have it read again. */
export function resetConfig(): void {
  cached = undefined;
}

/** At server start: validate everything (production requirements too) or stop with one clear line. */
export function assertConfig(): Config {
  try {
    cached = parseConfig(process.env, { production: process.env.NODE_ENV === 'production' });
    return cached;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[config] ${err.problems.join(' | ')}`);
      process.exit(1);
    }
    throw err;
  }
}

/** Public base URL of the app and its /v1 API (`endpointUrl`), always with a trailing slash. */
export function publicUrl(): string {
  const c = config();
  const u = c.PUBLIC_URL ?? c.AUTH_URL ?? 'http://localhost:3000/';
  return u.endsWith('/') ? u : `${u}/`;
}
