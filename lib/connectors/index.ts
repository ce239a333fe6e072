export { CONNECTOR_PERMISSIONS, PERMISSION_KEYS, permissionLabel, scopesFor, type PermissionKey } from './permissions';
export { listConnectorsSchema, type ListConnectorsQuery } from './schemas';
export { verifyConnectorSecret, matchesAnySecret, hashConnectorSecret, secretIsLive, SECRET_PREFIX } from './secrets';
export {
  mayGrant,
  mayMintToken,
  getVisibleConnector,
  findConnectorById,
  listConnectors,
  getConnectorDetails,
  type ConnectorDetails,
  type ConnectorListItem,
} from './service';
export type { ConnectorSecretDto } from './service';
export { connectorSecretMatches } from './secret-access';
export { seedDemoConnectors } from './demo';
