import type { PermissionKey } from '@/lib/connectors';

/**
 * Which connector permission each /v1 route needs (kaizala-connectors.md §3.3). One table; the router
 * uses the same keys and a test checks every row against the running API.
 */
export const ROUTE_PERMISSIONS: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; permission: PermissionKey | null }[] = [
  { method: 'GET', path: '/v1/accessToken', permission: null },
  { method: 'POST', path: '/v1/generatePin', permission: null },
  { method: 'POST', path: '/v1/loginWithPinAndApplicationId', permission: null },
  { method: 'POST', path: '/v1/oauth/token', permission: null },
  { method: 'GET', path: '/v1/groups', permission: 'groupinfo' },
  { method: 'GET', path: '/v1/groups/{groupId}', permission: 'groupinfo' },
  { method: 'GET', path: '/v1/users/me', permission: 'profile' },
];
