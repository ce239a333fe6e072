import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { actionPackages, type ActionPackage } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { parseActionBody, type ActionDefinition, type Question } from './definition';
import { bad, field, isRecord, list, text } from './fields';

/**
 * Action packages (custom actions, kaizala-connectors.md §5.8): a minimal per-tenant registry — the id
 * clients send, a name and a question template (a survey's questions and its defaults: due hours, anonymous,
 * sender only, several responses). An instance (`POST …/actions { id, actionBody }`) copies the template, so
 * its responses follow it even if the package changes later; the instance may override the title, the
 * validity (hours, `validity` as in Kaizala's sample, or `dueDate`) and carry `properties`.
 */
export const PACKAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface PackageTemplate {
  title: string;
  dueInHours: number;
  isAnonymous: boolean;
  isSenderOnly: boolean;
  acceptMultipleResponses: boolean;
  questions: Question[];
}

export interface PackageDto {
  id: string;
  name: string;
  template: PackageTemplate;
  createdAt: number;
  updatedAt: number;
}

const toDto = (p: ActionPackage): PackageDto => ({
  id: p.packageId,
  name: p.name,
  template: p.template as unknown as PackageTemplate,
  createdAt: p.createdAt.getTime(),
  updatedAt: p.updatedAt.getTime(),
});

/** A package id from a path: the id's own rules, else 404 (no such package). */
export function packageIdOf(raw: string): string {
  if (!PACKAGE_ID.test(raw)) throw new DomainError('ActionPackageNotFound');
  return raw;
}

/** The body of PUT /v1/actionPackages/{id}: `{ name, title?, questions, dueDate?, isAnonymous?, isSenderOnly?, acceptMultipleResponses? }`. */
export function parsePackage(raw: unknown): { name: string; template: PackageTemplate } {
  if (!isRecord(raw)) return bad('body', 'must be an object with name and questions.');
  const name = text(field(raw, 'name'), 'name', { required: true, max: 200 });
  const survey = parseActionBody('Survey', {
    title: field(raw, 'title') ?? name,
    dueDate: field(raw, 'dueDate', 'validity'),
    isAnonymous: field(raw, 'isAnonymous'),
    isSenderOnly: field(raw, 'isSenderOnly'),
    acceptMultipleResponses: field(raw, 'acceptMultipleResponses'),
    questions: field(raw, 'questions'),
  });
  if (survey.actionType !== 'Survey') throw new Error('unreachable');
  const { title, dueInHours, isAnonymous, isSenderOnly, acceptMultipleResponses, questions } = survey;
  return { name, template: { title, dueInHours, isAnonymous, isSenderOnly, acceptMultipleResponses, questions } };
}

const PROPERTY_TYPES = ['Text', 'Numeric', 'Location', 'DateTime', 'StringList', 'Attachment', 'StringSet', 'AttachmentList'];

/** An instance of `pkg` from a create request's `actionBody` (title, validity/dueDate, properties). */
export function packageActionDefinition(pkg: PackageDto, raw: unknown): ActionDefinition {
  if (raw !== undefined && raw !== null && !isRecord(raw)) bad('actionBody', 'must be an object.');
  const b = (raw ?? {}) as Record<string, unknown>;
  const base = parseActionBody('Survey', {
    title: field(b, 'title') ?? pkg.template.title,
    dueDate: field(b, 'validity', 'dueDate') ?? pkg.template.dueInHours,
    questions: pkg.template.questions,
  });
  if (base.actionType !== 'Survey') throw new Error('unreachable');
  const properties = list(field(b, 'properties'), 'actionBody.properties').map((p, i) => {
    const at = `actionBody.properties[${i}]`;
    if (!isRecord(p)) return bad(at, 'must be { name, type, value }.');
    const type = field(p, 'type');
    if (typeof type !== 'string' || !PROPERTY_TYPES.includes(type)) return bad(`${at}.type`, `must be one of ${PROPERTY_TYPES.join(', ')}.`);
    return { name: text(field(p, 'name'), `${at}.name`, { required: true, max: 200 }), type, value: field(p, 'value') ?? null };
  });
  if (properties.length > 50) bad('actionBody.properties', 'can have at most 50 entries.');
  if (JSON.stringify(properties).length > 16_000) bad('actionBody.properties', 'are too large (at most 16,000 characters as JSON).');
  return {
    actionType: 'Custom',
    packageId: pkg.id,
    packageName: pkg.name,
    title: base.title,
    dueInHours: base.dueInHours,
    isAnonymous: pkg.template.isAnonymous,
    isSenderOnly: pkg.template.isSenderOnly,
    acceptMultipleResponses: pkg.template.acceptMultipleResponses,
    questions: pkg.template.questions,
    properties,
  };
}

const live = (tenantId: string, packageId: string) =>
  and(eq(actionPackages.tenantId, tenantId), eq(actionPackages.packageId, packageId), isNull(actionPackages.deletedAt));

export async function findPackage(tx: DbOrTx, tenantId: string, packageId: string): Promise<PackageDto> {
  if (!PACKAGE_ID.test(packageId)) throw new DomainError('ActionPackageNotFound');
  const [p] = await tx.select().from(actionPackages).where(live(tenantId, packageId));
  if (!p) throw new DomainError('ActionPackageNotFound');
  return toDto(p);
}

export async function listPackages(tx: DbOrTx, tenantId: string): Promise<PackageDto[]> {
  const rows = await tx
    .select()
    .from(actionPackages)
    .where(and(eq(actionPackages.tenantId, tenantId), isNull(actionPackages.deletedAt)))
    .orderBy(asc(actionPackages.packageId));
  return rows.map(toDto);
}

/** Registers the package, or replaces the name and template of the live one with this id. */
export async function savePackage(
  tx: DbOrTx,
  tenantId: string,
  connectorId: string,
  packageId: string,
  input: { name: string; template: PackageTemplate },
): Promise<{ pkg: PackageDto; created: boolean }> {
  const [existing] = await tx.select().from(actionPackages).where(live(tenantId, packageId)).for('update');
  if (existing) {
    const [p] = await tx
      .update(actionPackages)
      .set({ name: input.name, template: input.template as unknown as Record<string, unknown>, connectorId, updatedAt: sql`now()` })
      .where(eq(actionPackages.id, existing.id))
      .returning();
    return { pkg: toDto(p!), created: false };
  }
  const [p] = await tx
    .insert(actionPackages)
    .values({ tenantId, packageId, name: input.name, template: input.template as unknown as Record<string, unknown>, connectorId })
    .returning();
  return { pkg: toDto(p!), created: true };
}

export async function deletePackage(tx: DbOrTx, tenantId: string, packageId: string): Promise<void> {
  const done = await tx
    .update(actionPackages)
    .set({ deletedAt: sql`now()` })
    .where(live(tenantId, packageId))
    .returning({ id: actionPackages.id });
  if (!done.length) throw new DomainError('ActionPackageNotFound');
}
