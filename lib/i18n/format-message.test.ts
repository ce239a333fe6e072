import compile from 'icu-minify/compile';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import formatMessage, { plainCount } from './format-message';
import { LOCALES } from './locales';

/** Intl formatters that count what they are asked for (the app's come from use-intl, memoized). */
function countingFormatters() {
  const made = { number: 0 };
  return {
    made,
    formatters: {
      getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a),
      getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => {
        made.number++;
        return new Intl.NumberFormat(...a);
      },
      getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a),
    },
  };
}

const format = (text: string, locale: string, values: Record<string, unknown>, formatters: ReturnType<typeof countingFormatters>['formatters']) =>
  formatMessage({} as never, compile(text) as never, values as never, { formatters, locale, timeZone: 'UTC' } as never);

describe('format-message (small counts without Intl.NumberFormat)', () => {
  it('writes every whole number 0–999 exactly as Intl.NumberFormat does, in each of our languages', () => {
    for (const locale of LOCALES) {
      const nf = new Intl.NumberFormat(locale);
      for (let n = 0; n < 1000; n++) expect(String(n), `${locale} ${n}`).toBe(nf.format(n));
    }
  });

  it('leaves to Intl what it would write differently: 1000 and up, fractions, negatives', () => {
    for (const v of [1000, 12345, 2.5, -1, Number.NaN, '7']) expect(plainCount(v), String(v)).toBe(false);
    expect(new Intl.NumberFormat('de').format(1000)).toBe('1.000');
  });

  for (const locale of LOCALES)
    it(`${locale}: plurals and numbers read as use-intl's full formatter writes them, and a small count needs no NumberFormat`, () => {
      const text = '{count, plural, =0 {none} one {# item} other {# items}} · {total, number} · {share, number, percent}';
      const full = createTranslator({ locale, messages: { m: text }, timeZone: 'UTC' });
      for (const [count, total, share] of [
        [0, 3, 0.5],
        [1, 999, 0.25],
        [7, 1000, 1],
        [1234, 1234567, 0.125],
      ] as const) {
        const { formatters, made } = countingFormatters();
        expect(format(text, locale, { count, total, share }, formatters)).toBe(full('m', { count, total, share }));
        // the percent style always needs Intl; a count and a total under 1000 do not
        expect(made.number, `${count}/${total}`).toBe(1 + (count >= 1000 ? 1 : 0) + (total >= 1000 ? 1 : 0));
      }
    });
});
