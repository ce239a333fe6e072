import { describe, expect, it } from 'vitest';
import { describeDatabaseError, isDatabaseUnavailable } from './errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['pg-pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection reset', withCode('ECONNRESET', 'read ECONNRESET')],
    ['connect timed out', withCode('ETIMEDOUT')],
    ['terminated mid-query', new Error('Connection terminated unexpectedly')],
    ['connect timeout of the client', new Error('Connection terminated due to connection timeout')],
    ['admin shutdown 57P01', withCode('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown 57P02', withCode('57P02')],
    ['starting up 57P03', withCode('57P03', 'the database system is starting up')],
    ['too many connections 53300', withCode('53300')],
    ['connection exception class 08006', withCode('08006')],
    ['connection exception class 08001', withCode('08001')],
    ['statement timeout 57014', withCode('57014', 'canceling statement due to statement timeout')],
    ['lock timeout 55P03', withCode('55P03', 'canceling statement due to lock timeout')],
  ])('%s → unavailable', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('looks through wrappers: Drizzle’s cause chain and AggregateError (IPv4 + IPv6 attempts)', () => {
    const drizzle = new Error('Failed query: select 1\nparams: ', { cause: withCode('57014') });
    expect(isDatabaseUnavailable(drizzle)).toBe(true);
    const aggregate = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '');
    expect(isDatabaseUnavailable(aggregate)).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: aggregate }))).toBe(true);
  });

  it.each([
    ['unique violation 23505', withCode('23505', 'duplicate key value violates unique constraint')],
    ['syntax error 42601', withCode('42601')],
    ['undefined table 42P01', withCode('42P01')],
    ['serialization failure 40001 (a retry inside the app, not the client)', withCode('40001')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a wrapped bug', new Error('Failed query', { cause: withCode('23503') })],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('%s → not unavailable', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });

  it('stops on a cause cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('describeDatabaseError', () => {
  it('names the innermost code and first message line, not the query parameters', () => {
    const err = new Error('Failed query: select * from x where secret = $1\nparams: s3cr3t', {
      cause: withCode('57014', 'canceling statement due to statement timeout'),
    });
    expect(describeDatabaseError(err)).toBe('57014 canceling statement due to statement timeout');
    expect(describeDatabaseError(new AggregateError([withCode('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')]))).toBe(
      'ECONNREFUSED connect ECONNREFUSED ::1:5432',
    );
  });
});
