export { keyedHash, safeEqual, encrypt, decrypt, keyring } from './keys';
