/**
 * The portal's role matrix (kaizala-connectors.md §7.2) as data, checked in one place. Pages, server
 * actions and the /v1 router call `can()` / `assertCan()`; components only hide what `can()` denies.
 */
import { DomainError } from '@/lib/errors';

export interface Actor {
  id: string;
  tenantId: string;
  isOrgAdmin: boolean;
}

export interface ConnectorRef {
  /** when present, named as the target of an audited denial */
  id?: string;
  tenantId: string;
  ownerId: string | null;
}

/** A group as seen by the actor: their role in it comes from their active phone number. */
export interface GroupRef {
  /** when present, named as the target of an audited denial */
  id?: string;
  tenantId: string | null;
  /** the actor's role in the group (by active phone number), null = not a member */
  actorRole: 'Admin' | 'Member' | 'Subscriber' | null;
}

/** An organization-wide resource (a Connections service or connection). */
export interface OrgResourceRef {
  id?: string;
  tenantId: string;
}

type Rule<R> = (actor: Actor, resource: R) => boolean;

const sameTenant = (actor: Actor, r: { tenantId: string | null }) => r.tenantId !== null && r.tenantId === actor.tenantId;

const rules = {
  // View Connectors: every role, self-created or all in the org
  'connector.view': ((a, c) => sameTenant(a, c)) as Rule<ConnectorRef>,
  // change, rotate, (de)activate, delete: the owner and org admins
  'connector.manage': ((a, c) => sameTenant(a, c) && (a.isOrgAdmin || c.ownerId === a.id)) as Rule<ConnectorRef>,
  // View Groups: org admin all org groups; others the groups they belong to
  'group.view': ((a, g) => (sameTenant(a, g) && a.isOrgAdmin) || g.actorRole !== null) as Rule<GroupRef>,
  // Add/remove users, sub-groups: org admin (org groups) or a direct admin
  'group.manage': ((a, g) => (sameTenant(a, g) && a.isOrgAdmin) || (g.tenantId !== null && g.actorRole === 'Admin')) as Rule<GroupRef>,
  // Post in the group's conversation: its admins and members (not subscribers; an org admin who is not a member only reads)
  'group.post': ((a, g) => g.actorRole === 'Admin' || g.actorRole === 'Member') as Rule<GroupRef>,
  // Publish/Unpublish connectors: org admin all org groups; group admin own org groups; member never
  'group.grant': ((a, g) => g.tenantId !== null && ((sameTenant(a, g) && a.isOrgAdmin) || (sameTenant(a, g) && g.actorRole === 'Admin'))) as Rule<GroupRef>,
  // Connections (product.md §9): everyone in the organization sees them and their snippets; org admins set up, connect, revoke, delete
  'connection.view': ((a, r) => sameTenant(a, r)) as Rule<OrgResourceRef>,
  'connection.manage': ((a, r) => sameTenant(a, r) && a.isOrgAdmin) as Rule<OrgResourceRef>,
} as const;

type Rules = typeof rules;
export type Permission = keyof Rules;
type ResourceOf<P extends Permission> = Parameters<Rules[P]>[1];

export function can<P extends Permission>(actor: Actor, permission: P, resource: ResourceOf<P>): boolean {
  return (rules[permission] as Rule<ResourceOf<P>>)(actor, resource);
}

/** What was refused, for the audit log (written where the refusal becomes a response, not here). */
export interface Denial {
  permission: Permission;
  targetType: 'connector' | 'group' | 'connection';
  targetId: string | null;
}

/** The 403 of `assertCan`: a DomainError FORBIDDEN that also says which permission on which resource. */
export class ForbiddenError extends DomainError {
  constructor(readonly denial: Denial) {
    super('Forbidden');
  }
}

/**
 * Throws when the actor may not. Resources of another tenant (or groups the actor cannot see) answer
 * "not found", so their existence is not revealed; inside the tenant a ForbiddenError (403).
 */
export function assertCan<P extends Permission>(actor: Actor, permission: P, resource: ResourceOf<P>): void {
  if (can(actor, permission, resource)) return;
  const isConnector = permission.startsWith('connector.');
  const isConnection = permission.startsWith('connection.');
  const visible = isConnection
    ? can(actor, 'connection.view', resource as OrgResourceRef)
    : isConnector
      ? can(actor, 'connector.view', resource as ConnectorRef)
      : can(actor, 'group.view', resource as GroupRef);
  if (!visible) throw new DomainError('ResourceNotFound');
  const id = (resource as { id?: unknown }).id;
  const targetType = isConnection ? 'connection' : isConnector ? 'connector' : 'group';
  throw new ForbiddenError({ permission, targetType, targetId: typeof id === 'string' ? id : null });
}
