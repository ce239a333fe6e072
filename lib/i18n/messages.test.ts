import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, negotiateLocale } from './locales';

/** Every language has every key English has (and no other), each message parses, and uses the same arguments. */
const dir = path.join(process.cwd(), 'messages');
const files = (locale: string) =>
  readdirSync(path.join(dir, locale))
    .filter((f) => f.endsWith('.json'))
    .sort();
const read = (locale: string, file: string) => JSON.parse(readFileSync(path.join(dir, locale, file), 'utf8')) as unknown;

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else throw new Error(`${prefix}: a message must be a string or an object`);
  return out;
}

function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.add(e.value);
    if (e.type === TYPE.select || e.type === TYPE.plural) {
      out.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, out);
    }
    if (e.type === TYPE.tag) {
      out.add(`<${e.value}>`);
      argumentsOf(e.children, out);
    }
  }
  return out;
}

const english = files(DEFAULT_LOCALE);

describe('message catalogs', () => {
  it('has at least one namespace', () => expect(english.length).toBeGreaterThan(0));

  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    it(`${locale} has the same namespace files as English`, () => expect(files(locale)).toEqual(english));

    for (const file of english) {
      it(`${locale}/${file}: every English key, no extra key, the same arguments`, () => {
        const en = flatten(read(DEFAULT_LOCALE, file));
        const other = flatten(read(locale, file));
        expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
        const mismatched = [...en].flatMap(([key, text]) => {
          const theirs = other.get(key);
          if (theirs === undefined) return [];
          const a = [...argumentsOf(parse(text))].sort().join(',');
          const b = [...argumentsOf(parse(theirs))].sort().join(',');
          return a === b ? [] : [`${key}: {${a}} vs {${b}}`];
        });
        expect(mismatched).toEqual([]);
      });
    }
  }

  it('every English message parses as ICU', () => {
    for (const file of english) for (const [, text] of flatten(read(DEFAULT_LOCALE, file))) expect(() => parse(text)).not.toThrow();
  });
});

describe('negotiateLocale', () => {
  it('picks the best supported language by q-value, ignoring the region', () => {
    expect(negotiateLocale('tr-TR,tr;q=0.9,en;q=0.8')).toBe('tr');
    expect(negotiateLocale('ja, de-CH;q=0.5, fr;q=0.7')).toBe('fr');
    expect(negotiateLocale('ja, zh;q=0.5')).toBe('en');
    expect(negotiateLocale('de;q=0, fr;q=0.1')).toBe('fr');
    expect(negotiateLocale(null)).toBe('en');
  });
});
