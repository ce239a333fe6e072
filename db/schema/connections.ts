import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants, users } from './tenants';

/** How a service authenticates the calls made through its connections (product.md §9). */
export const serviceAuthType = pgEnum('service_auth_type', ['oauth2', 'api_key', 'basic']);
/** How the client authenticates at the token endpoint: form fields, or HTTP Basic (RFC 6749 §2.3.1). */
export const tokenAuthMethod = pgEnum('token_auth_method', ['body', 'basic']);
export const connectionStatus = pgEnum('connection_status', ['connected', 'needs_reconnect', 'revoked']);

/**
 * A third-party service an organization's admins set up once (a preset or a custom one): the OAuth 2.0
 * client registered at the provider and where calls may go. The client secret is encrypted (lib/crypto).
 */
export const oauthServices = pgTable(
  'oauth_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    /** the preset it was made from (`google`, `slack`…), null for a custom service */
    preset: text('preset'),
    authType: serviceAuthType('auth_type').notNull().default('oauth2'),
    clientId: text('client_id').notNull().default(''),
    clientSecretEncrypted: text('client_secret_encrypted'),
    authorizationUrl: text('authorization_url'),
    tokenUrl: text('token_url'),
    /** where refresh requests go; null = the token URL */
    refreshUrl: text('refresh_url'),
    revocationUrl: text('revocation_url'),
    defaultScopes: text('default_scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    scopeDelimiter: text('scope_delimiter').notNull().default(' '),
    /** added to the authorization URL, e.g. `{ access_type: 'offline' }` */
    extraAuthParams: jsonb('extra_auth_params').$type<Record<string, string>>().notNull().default({}),
    tokenAuthMethod: tokenAuthMethod('token_auth_method').notNull().default('body'),
    /** API key services: the header the key goes in */
    apiKeyHeader: text('api_key_header'),
    allowedBaseUrls: text('allowed_base_urls').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('oauth_services_tenant_name_idx').on(t.tenantId, sql`lower(${t.name})`)],
);
export type OauthService = typeof oauthServices.$inferSelect;
export type NewOauthService = typeof oauthServices.$inferInsert;

/**
 * One authorized account at a service, called by its link name (unique per organization). Tokens are
 * encrypted; `tokenVersion` grows with every refresh so a request that waited for the row lock can tell
 * that another one already refreshed (product.md §9: exactly one refresh call).
 */
export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => oauthServices.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    linkName: text('link_name').notNull(),
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: connectionStatus('status').notNull().default('connected'),
    accessTokenEncrypted: text('access_token_encrypted'),
    refreshTokenEncrypted: text('refresh_token_encrypted'),
    tokenType: text('token_type').notNull().default('Bearer'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    tokenVersion: integer('token_version').notNull().default(0),
    accountIdentity: text('account_identity'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastRefreshedAt: timestamp('last_refreshed_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('connections_tenant_link_idx').on(t.tenantId, t.linkName), index('connections_service_idx').on(t.serviceId)],
);
export type Connection = typeof connections.$inferSelect;
export type NewConnection = typeof connections.$inferInsert;

/**
 * An authorization in flight: the `state` (stored as a keyed hash, one use, 10 minutes), bound to the
 * user and to a browser cookie, the PKCE verifier (encrypted) and what to create or reconnect on return.
 */
export const connectionAuthStates = pgTable(
  'connection_auth_states',
  {
    stateHash: text('state_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** keyed hash of the browser-binding cookie set when the flow started */
    browserHash: text('browser_hash').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => oauthServices.id, { onDelete: 'cascade' }),
    /** set when reconnecting an existing connection in place */
    connectionId: uuid('connection_id').references(() => connections.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    linkName: text('link_name').notNull(),
    scopes: text('scopes').array().notNull(),
    codeVerifierEncrypted: text('code_verifier_encrypted').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('connection_auth_states_expires_idx').on(t.expiresAt)],
);
