export { keyedHash, safeEqual, encrypt, decrypt, keyring } from './keys';
export { hmacSha256 } from './hmac';
