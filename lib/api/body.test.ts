import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { parseBody } from './body';

const json = (raw: string) => parseBody(raw, 'application/json', ['json']);
const errorCodeOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a DomainError';
  }
  return 'no error';
};

describe('parseBody (product.md §12: lenient JSON)', () => {
  it('reads strict JSON and the lenient forms real Kaizala clients send to the same values', () => {
    expect(json('{"members":["+15550100"],"count":2}')).toEqual({ members: ['+15550100'], count: 2 });
    expect(json(`{'mobileNumber':"+15550100"}`)).toEqual({ mobileNumber: '+15550100' });
    expect(json('{members:["+15550100",],}')).toEqual({ members: ['+15550100'] });
    expect(json('\uFEFF{"a":1}')).toEqual({ a: 1 }); // a byte-order mark: not strict JSON, still read
  });

  it('keeps a "__proto__" key as data, never as the object prototype', () => {
    const out = json('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('an empty body is an empty object; anything unreadable is InvalidJson; another type is 415', () => {
    expect(json('  ')).toEqual({});
    expect(errorCodeOf(() => json('{"a":'))).toBe('InvalidJson');
    expect(errorCodeOf(() => parseBody('a=1', 'text/plain', ['json']))).toBe('UnsupportedMediaType');
    expect(parseBody('a=1&b=2', 'application/x-www-form-urlencoded', ['json', 'form'])).toEqual({ a: '1', b: '2' });
  });
});
