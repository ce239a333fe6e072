import { describe, expect, it } from 'vitest';
import { CONNECTOR_PERMISSIONS, permissionLabel, scopesFor } from './permissions';

describe('connector permissions', () => {
  it('are the nine portal permissions plus Connections, with their exact names, in order', () => {
    expect(CONNECTOR_PERMISSIONS.map((p) => p.label)).toEqual([
      'Group Information',
      'Group Member List',
      'Text Message',
      'Action & Responses',
      'User Profile',
      'Media',
      'Outgoing Webhooks',
      'Tenant Data',
      'Reactions',
      'Connections',
    ]);
    for (const p of CONNECTOR_PERMISSIONS) expect(p.description.length).toBeGreaterThan(10);
  });

  it('map to the documented scope strings', () => {
    expect(scopesFor(['groupinfo', 'groupmember'])).toBe(
      'groupinfo.read,groupinfo.write,groupinfo.update,groupinfo.remove,groupmember.read,groupmember.write,groupmember.remove',
    );
    expect(scopesFor([])).toBe('');
    expect(permissionLabel('action')).toBe('Action & Responses');
  });
});
