export { listGroupGrants, grantableConnectors, currentUserTokenInfo, type GroupGrantDto } from './service';
