import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import compile from 'icu-minify/compile';
import format from 'icu-minify/format';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';

/** Precompiled messages (precompile.ts, what the app and the browser format) read exactly like the ICU text does. */
const dir = path.join(process.cwd(), 'messages');

function flatten(value: unknown, prefix: string, out: Map<string, string>) {
  if (typeof value === 'string') out.set(prefix, value);
  else for (const [k, v] of Object.entries(value as object)) flatten(v, `${prefix}.${k}`, out);
  return out;
}

/** A sample value per argument: numbers for plural/number, a date for date/time, a function for tags, else text. */
function sampleValues(elements: MessageFormatElement[], out: Record<string, unknown> = {}) {
  for (const e of elements) {
    if (e.type === TYPE.plural || e.type === TYPE.number) out[e.value] = 3;
    else if (e.type === TYPE.date || e.type === TYPE.time) out[e.value] = new Date(Date.UTC(2026, 11, 6, 21, 30));
    else if (e.type === TYPE.argument || e.type === TYPE.select) out[e.value] ??= 'other';
    else if (e.type === TYPE.tag) out[e.value] = (chunks: unknown[]) => `<${e.value}>${chunks.join('')}</${e.value}>`;
    if (e.type === TYPE.select || e.type === TYPE.plural) for (const o of Object.values(e.options)) sampleValues(o.value, out);
    if (e.type === TYPE.tag) sampleValues(e.children, out);
  }
  return out;
}

const formatters = {
  getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a),
  getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a),
  getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a),
};

describe('precompiled messages', () => {
  for (const locale of LOCALES)
    it(`${locale}: every message formats the same precompiled as from its ICU text`, () => {
      const messages: Record<string, unknown> = {};
      for (const f of readdirSync(path.join(dir, locale)).filter((f) => f.endsWith('.json')))
        messages[f.slice(0, -5)] = JSON.parse(readFileSync(path.join(dir, locale, f), 'utf8'));
      const t = createTranslator({ locale, messages, timeZone: 'UTC' });
      const all = flatten(messages, '', new Map());
      expect(all.size).toBeGreaterThan(0);
      for (const [key, text] of all) {
        const values = sampleValues(parse(text)) as never;
        const expected = /<\w/.test(text) ? t.rich(key.slice(1) as never, values) : t(key.slice(1) as never, values);
        expect(format(compile(text), locale, values, { formatters, timeZone: 'UTC' }), key).toEqual(expected);
      }
    });
});
