import formatOnly from 'use-intl/format-message/format-only';

/**
 * next-intl's message formatter inside the Next.js app (next.config.js aliases `use-intl/format-message` here):
 * use-intl's format-only formatter for precompiled messages (precompile.ts), except that a plain count — `#` in a
 * plural, `{n, number}` without a style — that is a whole number from 0 to 999 is printed without `Intl.NumberFormat`.
 * The first `Intl` formatter a page creates makes the browser load its number and date data: ≈ 30 ms of main
 * thread on a fast machine, 4 × that on a phone, in the middle of hydration — for "3 members". In our four
 * languages such a number is written the same by `Intl` and by `String` (format-message.test.ts checks all of
 * them); anything else goes to `Intl` as before.
 */
type Options = Parameters<typeof formatOnly>[3];
type Formatters = Options['formatters'];

export function plainCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1000;
}

const light = new WeakMap<Formatters, Formatters>();

function lightFormatters(formatters: Formatters): Formatters {
  let hit = light.get(formatters);
  if (!hit) {
    hit = {
      ...formatters,
      getNumberFormat: (locale, options) => {
        if (options) return formatters.getNumberFormat(locale, options);
        return {
          format: (value: number | bigint) => (plainCount(value) ? String(value) : formatters.getNumberFormat(locale).format(value)),
        } as Intl.NumberFormat;
      },
    };
    light.set(formatters, hit);
  }
  return hit;
}

export default function formatMessage(...[cache, message, values, options]: Parameters<typeof formatOnly>): ReturnType<typeof formatOnly> {
  return formatOnly(cache, message, values, { ...options, formatters: lightFormatters(options.formatters) });
}
formatMessage.raw = false;
