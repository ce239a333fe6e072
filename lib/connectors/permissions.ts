/**
 * The nine portal permissions (kaizala-connectors.md §3.1) plus ours, Connections (product.md §6, §9), with the
 * scope strings used on the wire (§3.2). Tenant Data and Reactions have no documented scope string: ours are `tenantdata.*` and `reaction.*`.
 */
export const CONNECTOR_PERMISSIONS = [
  {
    key: 'groupinfo',
    label: 'Group Information',
    description: 'Read group-level information such as name and member count.',
    scopes: ['groupinfo.read', 'groupinfo.write', 'groupinfo.update', 'groupinfo.remove'],
  },
  {
    key: 'groupmember',
    label: 'Group Member List',
    description: 'Read, add, remove and update the members of a group.',
    scopes: ['groupmember.read', 'groupmember.write', 'groupmember.remove'],
  },
  { key: 'textmessage', label: 'Text Message', description: 'Post text messages to a group.', scopes: ['textmessage.read', 'textmessage.write'] },
  {
    key: 'action',
    label: 'Action & Responses',
    description: 'Fetch, create and update Actions (jobs, polls, surveys…) and their responses.',
    scopes: ['action.read', 'action.write', 'action.update'],
  },
  { key: 'profile', label: 'User Profile', description: 'Read the profile of the user the token acts for.', scopes: ['profile.read'] },
  { key: 'media', label: 'Media', description: 'Send images and files to a group.', scopes: ['media.read', 'media.write'] },
  {
    key: 'webhook',
    label: 'Outgoing Webhooks',
    description: 'Create, read, update and remove webhooks that call your system back.',
    scopes: ['webhook.read', 'webhook.write', 'webhook.update', 'webhook.remove'],
  },
  {
    key: 'tenantdata',
    label: 'Tenant Data',
    description: 'Read and manage organization data such as users and organization groups.',
    scopes: ['tenantdata.read', 'tenantdata.write', 'tenantdata.remove'],
  },
  { key: 'reaction', label: 'Reactions', description: 'Create and read likes and comments on Actions.', scopes: ['reaction.read', 'reaction.write'] },
  {
    key: 'connections',
    label: 'Connections',
    description: "Call third-party APIs through your organization's connections, without holding their credentials.",
    scopes: ['connection.invoke'],
  },
] as const;

export type PermissionKey = (typeof CONNECTOR_PERMISSIONS)[number]['key'];
export const PERMISSION_KEYS = CONNECTOR_PERMISSIONS.map((p) => p.key) as [PermissionKey, ...PermissionKey[]];

export function permissionLabel(key: string): string {
  return CONNECTOR_PERMISSIONS.find((p) => p.key === key)?.label ?? key;
}

/** The comma-separated scope string granted by a set of permissions (`grantedScope`). */
export function scopesFor(keys: readonly string[]): string {
  return CONNECTOR_PERMISSIONS.filter((p) => keys.includes(p.key))
    .flatMap((p) => p.scopes)
    .join(',');
}
