import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { connections, oauthServices, type OauthService } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/authz';
import { config, publicUrl } from '@/lib/config';
import { encrypt } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { portalTranslator } from '@/lib/i18n/server';
import { presetByKey } from './presets';
import { SCOPE_DELIMITERS, serviceSchema, type IssueParams, type ServiceInput } from './schemas';

/** Where providers send the browser back (shown to the admin to register at the provider). */
export const redirectUrl = () => `${publicUrl()}api/connections/callback`;

export const allowHttp = () => config().CONNECTIONS_ALLOW_HTTP || config().NODE_ENV === 'development';

/** AAD of an encrypted value: the value is bound to its row and column, so it cannot be moved. */
export const aad = (kind: string, id: string) => `connections:${kind}:${id}`;

const isUnique = (err: unknown) => (err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505';

export async function loadService(actor: Actor, id: string): Promise<OauthService> {
  const [row] = await db.select().from(oauthServices).where(eq(oauthServices.id, id));
  if (!row || row.tenantId !== actor.tenantId) throw new DomainError('ServiceNotFound');
  return row;
}

type Translator = Awaited<ReturnType<typeof portalTranslator>>;

/**
 * A field error in the request's language: an error with arguments (`params` from serviceSchema) is translated
 * here; any other message is English or a key the action's edge translates.
 */
function issueText(t: Translator, issue: { message: string; params?: unknown }): string {
  const p = (issue as { params?: IssueParams }).params;
  if (!t || !p?.key || !t.has(p.key)) return issue.message;
  const values: Record<string, string> = { ...p.values };
  for (const [name, key] of Object.entries(p.keyed ?? {})) values[name] = t.has(key) ? t(key) : key;
  return t(p.key, values);
}

/** Custom Service, or a preset (its endpoints are taken from the preset, never from the form). */
export async function createService(actor: Actor, raw: ServiceInput, ip: string | null) {
  assertCan(actor, 'connection.manage', { tenantId: actor.tenantId });
  const preset = raw.preset ? presetByKey(raw.preset) : undefined;
  if (raw.preset && !preset) throw new DomainError('ServiceNotFound');
  const merged: ServiceInput = preset
    ? {
        ...raw,
        authType: 'oauth2',
        authorizationUrl: preset.authorizationUrl,
        tokenUrl: preset.tokenUrl,
        refreshUrl: '',
        revocationUrl: preset.revocationUrl ?? '',
        scopeDelimiter: preset.scopeDelimiter === ',' ? 'comma' : 'space',
        extraAuthParams: Object.entries(preset.extraAuthParams)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n'),
        tokenAuthMethod: preset.tokenAuthMethod,
        allowedBaseUrls: raw.allowedBaseUrls || preset.allowedBaseUrls.join('\n'),
      }
    : raw;
  const parsed = serviceSchema(preset ? false : allowHttp()).safeParse(merged);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    const t = await portalTranslator();
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? 'name')] ??= []).push(issueText(t, issue));
    throw new DomainError('ValidationFailed', { fieldErrors });
  }
  const v = parsed.data;
  const id = crypto.randomUUID();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(oauthServices).values({
        id,
        tenantId: actor.tenantId,
        name: v.name,
        preset: preset?.key ?? null,
        authType: v.authType,
        clientId: v.clientId,
        clientSecretEncrypted: v.clientSecret ? encrypt(v.clientSecret, aad('client-secret', id)) : null,
        authorizationUrl: v.authorizationUrl || null,
        tokenUrl: v.tokenUrl || null,
        refreshUrl: v.refreshUrl || null,
        revocationUrl: v.revocationUrl || null,
        defaultScopes: v.defaultScopes,
        scopeDelimiter: SCOPE_DELIMITERS[v.scopeDelimiter],
        extraAuthParams: v.extra,
        tokenAuthMethod: v.tokenAuthMethod,
        apiKeyHeader: v.authType === 'api_key' ? v.apiKeyHeader || 'X-API-Key' : null,
        allowedBaseUrls: v.bases,
        createdBy: actor.id,
      });
      await recordAudit(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.id,
        action: 'connection.service_created',
        targetType: 'oauth_service',
        targetId: id,
        ip,
        metadata: { name: v.name, preset: preset?.key ?? null, authType: v.authType, allowedBaseUrls: v.bases },
      });
    });
  } catch (err) {
    if (isUnique(err)) throw new DomainError('ServiceNameTaken', { field: 'name' });
    throw err;
  }
  return { id };
}

/** Deletes the service and every connection made on it (tokens revoked at the provider first, best effort). */
export async function deleteService(actor: Actor, id: string, ip: string | null) {
  const service = await loadService(actor, id);
  assertCan(actor, 'connection.manage', service);
  await db.transaction(async (tx) => {
    const gone = await tx.delete(connections).where(eq(connections.serviceId, id)).returning({ id: connections.id, linkName: connections.linkName });
    await tx.delete(oauthServices).where(eq(oauthServices.id, id));
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.id,
      action: 'connection.service_deleted',
      targetType: 'oauth_service',
      targetId: id,
      ip,
      metadata: { name: service.name, connections: gone.map((c) => c.linkName) },
    });
  });
}

export interface ServiceDto {
  id: string;
  name: string;
  preset: string | null;
  authType: 'oauth2' | 'api_key' | 'basic';
  clientId: string;
  hasClientSecret: boolean;
  authorizationUrl: string | null;
  tokenUrl: string | null;
  refreshUrl: string | null;
  revocationUrl: string | null;
  defaultScopes: string[];
  scopeDelimiter: string;
  extraAuthParams: Record<string, string>;
  tokenAuthMethod: 'body' | 'basic';
  apiKeyHeader: string | null;
  allowedBaseUrls: string[];
  connections: number;
}

/** What the portal may show of a service: everything but the secret. */
export function serviceDto(s: OauthService, n = 0): ServiceDto {
  return {
    id: s.id,
    name: s.name,
    preset: s.preset,
    authType: s.authType,
    clientId: s.clientId,
    hasClientSecret: Boolean(s.clientSecretEncrypted),
    authorizationUrl: s.authorizationUrl,
    tokenUrl: s.tokenUrl,
    refreshUrl: s.refreshUrl,
    revocationUrl: s.revocationUrl,
    defaultScopes: s.defaultScopes,
    scopeDelimiter: s.scopeDelimiter,
    extraAuthParams: s.extraAuthParams,
    tokenAuthMethod: s.tokenAuthMethod,
    apiKeyHeader: s.apiKeyHeader,
    allowedBaseUrls: s.allowedBaseUrls,
    connections: n,
  };
}

export async function listServices(actor: Actor): Promise<ServiceDto[]> {
  const [rows, counts] = await Promise.all([
    db
      .select()
      .from(oauthServices)
      .where(eq(oauthServices.tenantId, actor.tenantId))
      .orderBy(asc(sql`lower(${oauthServices.name})`)),
    db
      .select({ serviceId: connections.serviceId, n: sql<number>`count(*)::int` })
      .from(connections)
      .where(eq(connections.tenantId, actor.tenantId))
      .groupBy(connections.serviceId),
  ]);
  const byService = new Map(counts.map((c) => [c.serviceId, Number(c.n)]));
  return rows.map((s) => serviceDto(s, byService.get(s.id) ?? 0));
}

export async function getServiceDetails(actor: Actor, id: string): Promise<ServiceDto> {
  const s = await loadService(actor, id);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(connections)
    .where(and(eq(connections.serviceId, id), eq(connections.tenantId, actor.tenantId)));
  return serviceDto(s, row?.n ?? 0);
}
