export { listGroupGrants, grantableConnectors, currentUserTokenInfo, type GroupGrantDto } from './service';
export { apiGeneratePin, apiLoginWithPin, validateAuthorizeRequest, oauthSendPin, oauthApprove, oauthTokenExchange } from './pin-and-oauth';
