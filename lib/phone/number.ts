import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type ParsedPhone = { ok: true; e164: string } | { ok: false; message: string };

// PERSONAL_NUMBER: "follow-me" ranges such as UK 070, which forward to any line and are a known SMS-pumping target
const REFUSED_TYPES = new Set(['PREMIUM_RATE', 'SHARED_COST', 'TOLL_FREE', 'VOIP', 'PAGER', 'UAN', 'VOICEMAIL', 'PERSONAL_NUMBER']);

/**
 * Parse a phone number typed by a person into E.164. International format is required (+ and the
 * country code; a leading 00 is accepted). Numbers that cannot receive a personal SMS are refused.
 */
export function parsePhone(raw: string): ParsedPhone {
  const cleaned = raw.trim().replace(/^00/, '+');
  if (!cleaned) return { ok: false, message: 'Enter a phone number.' };
  if (!cleaned.startsWith('+')) {
    return { ok: false, message: 'Enter the number in international format, starting with + and the country code (e.g. +1 425 555 0101).' };
  }
  if (/[^\d\s()+.-]/.test(cleaned)) return { ok: false, message: 'A phone number may only contain digits, spaces, ( ) . - and a leading +.' };
  const parsed = parsePhoneNumberFromString(cleaned);
  if (!parsed || !parsed.isValid()) return { ok: false, message: 'This is not a valid phone number. Check the country code and the digits.' };
  const type = parsed.getType();
  if (type && REFUSED_TYPES.has(type)) {
    return { ok: false, message: 'Premium-rate, toll-free, shared-cost, personal (forwarding) and VoIP numbers cannot receive a PIN. Use a mobile or landline number.' };
  }
  return { ok: true, e164: parsed.number };
}

/** "+1 425 555 0101" for display. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
