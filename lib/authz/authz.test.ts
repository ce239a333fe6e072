import { describe, expect, it } from 'vitest';
import { assertCan, can, ForbiddenError, type Actor } from './index';

const T1 = 'tenant-1';
const T2 = 'tenant-2';
const orgAdmin: Actor = { id: 'admin', tenantId: T1, isOrgAdmin: true };
const owner: Actor = { id: 'owner', tenantId: T1, isOrgAdmin: false };
const member: Actor = { id: 'member', tenantId: T1, isOrgAdmin: false };
const outsider: Actor = { id: 'x', tenantId: T2, isOrgAdmin: true };
const connector = { tenantId: T1, ownerId: 'owner' };

describe('role matrix: connectors', () => {
  it('everyone in the organization can view; nobody outside', () => {
    for (const a of [orgAdmin, owner, member]) expect(can(a, 'connector.view', connector)).toBe(true);
    expect(can(outsider, 'connector.view', connector)).toBe(false);
  });
  it('only the owner and org admins can manage', () => {
    expect(can(owner, 'connector.manage', connector)).toBe(true);
    expect(can(orgAdmin, 'connector.manage', connector)).toBe(true);
    expect(can(member, 'connector.manage', connector)).toBe(false);
    expect(can(outsider, 'connector.manage', connector)).toBe(false);
  });
  it('answers 404 across tenants and 403 inside the tenant', () => {
    expect(() => assertCan(outsider, 'connector.manage', connector)).toThrow(expect.objectContaining({ code: 'ResourceNotFound' }));
    expect(() => assertCan(member, 'connector.manage', connector)).toThrow(expect.objectContaining({ code: 'Forbidden' }));
  });
  it('a 403 names the permission and the target, for the audit log', () => {
    let thrown: unknown;
    try {
      assertCan(member, 'connector.manage', { ...connector, id: 'c-1' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ForbiddenError);
    expect((thrown as ForbiddenError).denial).toEqual({ permission: 'connector.manage', targetType: 'connector', targetId: 'c-1' });
    expect(() => assertCan(member, 'group.grant', { tenantId: T1, actorRole: 'Member' })).toThrow(
      expect.objectContaining({ code: 'Forbidden', denial: { permission: 'group.grant', targetType: 'group', targetId: null } }),
    );
  });
});

describe('role matrix: groups', () => {
  const orgGroup = (actorRole: 'Admin' | 'Member' | null) => ({ tenantId: T1, actorRole });
  it('org admins view, manage and grant on every org group, even without membership', () => {
    for (const p of ['group.view', 'group.manage', 'group.grant'] as const) expect(can(orgAdmin, p, orgGroup(null))).toBe(true);
  });
  it('group admins manage and grant on their groups only', () => {
    expect(can(owner, 'group.grant', orgGroup('Admin'))).toBe(true);
    expect(can(owner, 'group.grant', orgGroup(null))).toBe(false);
    expect(can(owner, 'group.view', orgGroup(null))).toBe(false);
  });
  it('members view their groups but cannot manage or grant', () => {
    expect(can(member, 'group.view', orgGroup('Member'))).toBe(true);
    expect(can(member, 'group.manage', orgGroup('Member'))).toBe(false);
    expect(can(member, 'group.grant', orgGroup('Member'))).toBe(false);
  });
  it('an admin of another tenant gets nothing', () => {
    for (const p of ['group.view', 'group.manage', 'group.grant'] as const) expect(can(outsider, p, orgGroup(null))).toBe(false);
  });
  it('private groups: visible to members, never granted connectors', () => {
    const priv = { tenantId: null, actorRole: 'Admin' as const };
    expect(can(member, 'group.view', priv)).toBe(true);
    expect(can(member, 'group.grant', priv)).toBe(false);
    expect(can(orgAdmin, 'group.view', { tenantId: null, actorRole: null })).toBe(false);
  });
});

describe('role matrix: posting in a group', () => {
  it('admins and members post; subscribers and non-member org admins only read', () => {
    expect(can(member, 'group.post', { tenantId: T1, actorRole: 'Admin' })).toBe(true);
    expect(can(member, 'group.post', { tenantId: null, actorRole: 'Member' })).toBe(true);
    expect(can(member, 'group.post', { tenantId: T1, actorRole: 'Subscriber' })).toBe(false);
    expect(can(orgAdmin, 'group.view', { tenantId: T1, actorRole: null })).toBe(true);
    expect(can(orgAdmin, 'group.post', { tenantId: T1, actorRole: null })).toBe(false);
    expect(() => assertCan(orgAdmin, 'group.post', { tenantId: T1, actorRole: null })).toThrow(expect.objectContaining({ code: 'Forbidden' }));
  });
});
