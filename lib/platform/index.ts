export { listReachableGroups, getReachableGroup, type GroupItem } from './groups';
export { getMe } from './users';
