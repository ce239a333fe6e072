export { listGroupGrants, grantableConnectors, currentUserTokenInfo, type GroupGrantDto } from './service';
export { listConnectorGroups, type ConnectorGroupDto } from './connector-groups';
export { apiGeneratePin, apiLoginWithPin, validateAuthorizeRequest, oauthSendPin, oauthApprove, oauthTokenExchange } from './pin-and-oauth';
