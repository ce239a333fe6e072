import { redirect } from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { createActionClient, GENERIC_ERROR, SIGNED_OUT_ERROR, UNAVAILABLE_ERROR, VALIDATION_ERROR } from './action-client';

const schema = z.object({ name: z.string().trim().min(2, 'Name is too short.'), count: z.coerce.number().int().max(10, 'At most 10.') });
const signedIn = createActionClient(async () => ({ userId: 'u1' }));
const signedOut = createActionClient(async () => null);

describe('the action wrapper', () => {
  it('passes the parsed input and the context to the handler', async () => {
    const handler = vi.fn(async (input: { name: string; count: number }, ctx: { userId: string }) => `${ctx.userId}:${input.name}:${input.count}`);
    const action = signedIn(schema, handler);
    expect(await action({ name: '  Ada ', count: '3' as unknown as number })).toEqual({ ok: true, data: 'u1:Ada:3' });
  });

  it('reads FormData', async () => {
    const form = new FormData();
    form.set('name', 'Grace');
    form.set('count', '7');
    expect(await signedIn(schema, async (i) => i)(form)).toEqual({ ok: true, data: { name: 'Grace', count: 7 } });
  });

  it('returns field errors for invalid input and never calls the handler', async () => {
    const handler = vi.fn();
    const result = await signedIn(schema, handler)({ name: 'A', count: 11 });
    expect(result).toEqual({
      ok: false,
      message: VALIDATION_ERROR,
      fieldErrors: { name: ['Name is too short.'], count: ['At most 10.'] },
      code: 'ValidationFailed',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a signed-out caller before parsing or running anything', async () => {
    const handler = vi.fn();
    expect(await signedOut(schema, handler)({ name: 'Ada', count: 1 })).toEqual({ ok: false, message: SIGNED_OUT_ERROR, code: 'SessionEnded' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a DomainError into its message, field error and code', async () => {
    const action = signedIn(schema, async () => {
      throw new DomainError('PinExpired', { field: 'code' });
    });
    expect(await action({ name: 'Ada', count: 1 })).toEqual({
      ok: false,
      message: 'This PIN has expired (PINs are valid for 10 minutes). Generate a new PIN.',
      fieldErrors: { code: ['This PIN has expired (PINs are valid for 10 minutes). Generate a new PIN.'] },
      code: 'PinExpired',
    });
  });

  it('hides unexpected errors behind a generic message (no stack, no internals)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const action = signedIn(schema, async () => {
      throw new Error('duplicate key value violates unique constraint "secret_abc"');
    });
    const result = await action({ name: 'Ada', count: 1 });
    expect(result).toEqual({ ok: false, message: GENERIC_ERROR, code: 'InternalError' });
    expect(JSON.stringify(result)).not.toContain('constraint');
    log.mockRestore();
  });

  it('reports a FORBIDDEN refusal to onForbidden once, with the context, and still returns the refusal', async () => {
    const onForbidden = vi.fn(async () => undefined);
    const audited = createActionClient(async () => ({ userId: 'u1' }), { onForbidden });
    const denied = new DomainError('Forbidden');
    const result = await audited(schema, async () => {
      throw denied;
    })({ name: 'Ada', count: 1 });
    expect(result).toEqual({ ok: false, message: 'You do not have permission to do this.', code: 'Forbidden' });
    expect(onForbidden).toHaveBeenCalledTimes(1);
    expect(onForbidden).toHaveBeenCalledWith({ userId: 'u1' }, denied);
    // other refusals are not denials
    await audited(schema, async () => {
      throw new DomainError('GroupNotFound');
    })({ name: 'Ada', count: 1 });
    expect(onForbidden).toHaveBeenCalledTimes(1);
  });

  it('says "briefly unavailable" when the database is down, out of connections or timed out (also while loading the user)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const poolTimeout = signedIn(schema, async () => {
      throw new Error('Failed query: select 1', { cause: new Error('timeout exceeded when trying to connect') });
    });
    expect(await poolTimeout({ name: 'Ada', count: 1 })).toEqual({ ok: false, message: UNAVAILABLE_ERROR, code: 'ServiceUnavailable' });
    const refused = createActionClient(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    expect(await refused(schema, async () => 'never')({ name: 'Ada', count: 1 })).toEqual({
      ok: false,
      message: UNAVAILABLE_ERROR,
      code: 'ServiceUnavailable',
    });
    log.mockRestore();
  });

  it("lets Next's redirect() through", async () => {
    const action = signedIn(schema, async () => redirect('/elsewhere'));
    await expect(action({ name: 'Ada', count: 1 })).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
  });
});
