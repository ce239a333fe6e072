export { parsePhone, formatPhone } from './e164';
export { PIN_RULES } from './pin-rules';
export { requestPin, verifyPin, requireE164, type PinActor, type PinPurpose } from './service';
export { listPhoneNumbers, type PhoneNumberDto } from './phone-numbers';
