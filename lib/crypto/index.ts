export { keyedHash, safeEqual, encrypt, decrypt, decryptCached, keyring } from './keys';
export { hmacSha256 } from './hmac';
