export { CONNECTOR_PERMISSIONS, PERMISSION_KEYS, permissionLabel, scopesFor, type PermissionKey } from './permissions';
export { listConnectorsSchema, CONNECTOR_SORTS, type ListConnectorsQuery, type ConnectorSort } from './schemas';
export { listConnectors, CONNECTORS_PAGE_SIZE, type ConnectorListItem } from './list';
export { verifyConnectorSecret, matchesAnySecret, hashConnectorSecret, secretIsLive, SECRET_PREFIX } from './secrets';
export { mayGrant, mayMintToken, getVisibleConnector, findConnectorById, getConnectorDetails, type ConnectorDetails } from './service';
export type { ConnectorSecretDto } from './service';
export { connectorSecretMatches } from './secret-access';
export { seedDemoConnectors } from './demo';
