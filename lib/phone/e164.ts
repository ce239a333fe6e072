import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ERRORS, type PhoneProblem } from '@/lib/errors';

export type ParsedPhone = { ok: true; e164: string } | { ok: false; problem: PhoneProblem; message: string };

// PERSONAL_NUMBER: "follow-me" ranges such as UK 070, which forward to any line and are a known SMS-pumping target
const REFUSED_TYPES = new Set(['PREMIUM_RATE', 'SHARED_COST', 'TOLL_FREE', 'VOIP', 'PAGER', 'UAN', 'VOICEMAIL', 'PERSONAL_NUMBER']);

const refuse = (problem: PhoneProblem): ParsedPhone => ({ ok: false, problem, message: ERRORS.InvalidPhone.message({ problem }) });

/**
 * Parse a phone number typed by a person into E.164. International format is required (+ and the
 * country code; a leading 00 is accepted). Numbers that cannot receive a personal SMS are refused.
 */
export function parsePhone(raw: string): ParsedPhone {
  const cleaned = raw.trim().replace(/^00/, '+');
  if (!cleaned) return refuse('empty');
  if (!cleaned.startsWith('+')) return refuse('notInternational');
  if (/[^\d\s()+.-]/.test(cleaned)) return refuse('characters');
  const parsed = parsePhoneNumberFromString(cleaned);
  if (!parsed || !parsed.isValid()) return refuse('invalid');
  const type = parsed.getType();
  if (type && REFUSED_TYPES.has(type)) return refuse('refusedType');
  return { ok: true, e164: parsed.number };
}

/** "+1 425 555 0101" for display. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
