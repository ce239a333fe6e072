export {
  generateRefreshToken,
  isWellFormedRefreshToken,
  maskToken,
  REFRESH_TOKEN_LIFETIME_MS,
  REFRESH_TOKEN_ROTATE_AFTER_MS,
  REFRESH_TOKEN_PREFIX,
} from './format';
export { issueRefreshToken, openRefreshToken, revokeGrantTokens, currentGrantToken, currentTokenEncrypted, hashRefreshToken } from './refresh-tokens';
export { signAccessToken, verifyAccessToken, ACCESS_TOKEN_LIFETIME_MS, type AccessClaims } from './access-token';
export { accessTokenResponse, exchangeRefreshToken, type AccessTokenResponse, type MintFor } from './exchange';
export { startExchangeCache } from './exchange-cache';
