import { describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from './catalog';
import { describeError, DomainError, statusOf } from './index';

describe('the error catalog', () => {
  it('has one casing: every code and every errorCode on the wire is PascalCase', () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[A-Z][A-Za-z]+$/);
      if (spec.wire) expect(spec.wire).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });

  it('keeps the Kaizala names on the wire (kaizala-connectors.md §4.7)', () => {
    const wire = (code: ErrorCode) => describeError(new DomainError(code as 'NotFound')).errorCode;
    expect(wire('Unauthenticated')).toBe('Unauthenticated');
    expect(wire('UnknownApplication')).toBe('Unauthenticated');
    for (const c of ['TokenMissing', 'TokenExpired', 'InvalidToken', 'TokenRevoked'] as const) expect(wire(c)).toBe('InvalidToken');
    expect(describeError(new DomainError('RefreshTokenInvalid', { why: 'replayed' }))).toMatchObject({
      status: 401,
      errorCode: 'InvalidToken',
      errorCategoryKey: 'AuthException',
    });
    expect(describeError(new DomainError('TokenMissing')).message).toBe('Token missing. Header should have token as value of ACCESSTOKEN');
  });

  it('builds messages from parameters and takes status and category from the catalog, not the thrower', () => {
    const e = new DomainError('PinWrong', { left: 1 }, { field: 'code' });
    expect(e.message).toBe('That PIN is not correct. 1 attempt left.');
    expect(new DomainError('PinWrong', { left: 3 }).message).toBe('That PIN is not correct. 3 attempts left.');
    expect(e.fieldErrors).toEqual({ code: ['That PIN is not correct. 1 attempt left.'] });
    expect(statusOf(e)).toBe(400);
    expect(describeError(new DomainError('PinSendLimit', { budget: 'ip', wait: '5 minutes' }, { headers: { 'Retry-After': '300' } }))).toEqual({
      status: 429,
      errorCode: 'PinSendLimit',
      errorCategoryKey: 'TooManyRequests',
      message: 'Too many PINs were requested from your network. Try again in 5 minutes.',
      oauthError: undefined,
      headers: { 'Retry-After': '300' },
    });
  });

  it('gives OAuth errors their RFC 6749 name as well', () => {
    expect(describeError(new DomainError('InvalidGrant', { why: 'codeInvalid' }))).toMatchObject({
      status: 400,
      errorCode: 'InvalidGrant',
      oauthError: 'invalid_grant',
    });
  });

  it('has a status, a category and a non-empty English message for every code', () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.category, code).toMatch(/^[A-Z][A-Za-z]+$/);
      if (!spec.takesParams) expect((spec.message as () => string)().length, code).toBeGreaterThan(5);
    }
  });
});
