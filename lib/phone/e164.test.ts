import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone } from './e164';

describe('parsePhone', () => {
  it('normalises international input to E.164', () => {
    expect(parsePhone('+1 (425) 555-0101')).toEqual({ ok: true, e164: '+14255550101' });
    expect(parsePhone('  +49 30 1234567 ')).toEqual({ ok: true, e164: '+49301234567' });
    expect(parsePhone('0044 20 7183 8750')).toEqual({ ok: true, e164: '+442071838750' });
  });

  it('asks for the country code when it is missing', () => {
    const r = parsePhone('425 555 0101');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/international format/);
  });

  it('refuses invalid numbers, letters and empty input with a message', () => {
    for (const bad of ['+1 555', '+999 123456789', '+1 425 CALL NOW', '']) {
      const r = parsePhone(bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(parsePhone('')).toEqual({ ok: false, problem: 'empty', message: 'Enter a phone number.' });
  });

  it('refuses premium-rate, toll-free and UK 070 personal numbers (they cannot receive a personal SMS; SMS pumping targets)', () => {
    for (const n of ['+1 900 555 1234', '+44 9098 790000', '+1 800 555 0101', '+44 70 1234 5678', '+44 871 234 5678']) {
      const r = parsePhone(n);
      expect(r.ok, n).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Premium-rate/);
    }
  });

  it('formats E.164 for display', () => {
    expect(formatPhone('+14255550101')).toBe('+1 425 555 0101');
  });
});
