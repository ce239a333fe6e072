import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { describeDatabaseError, isDatabaseUnavailable } from '@/db/errors';
import { DomainError, ERRORS, statusOf } from '@/lib/errors';

/** What every server action returns: expected failures are values, not exceptions. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; code?: string };

/** A business error the user can act on; see lib/errors.ts. */
export { DomainError as ActionError };

export const GENERIC_ERROR = ERRORS.InternalError.message();
export const VALIDATION_ERROR = ERRORS.ValidationFailed.message();
export const UNAVAILABLE_ERROR = ERRORS.ServiceUnavailable.message();
export const SIGNED_OUT_ERROR = ERRORS.SessionEnded.message();

function toInput(input: unknown): unknown {
  if (typeof FormData !== 'undefined' && input instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of input.entries()) {
      if (k.startsWith('$ACTION')) continue;
      out[k] = out[k] === undefined ? v : ([] as unknown[]).concat(out[k], v);
    }
    return out;
  }
  return input;
}

export interface ActionClientHooks<Ctx> {
  /** called once when the handler is refused with a 403 (Forbidden), before the result is returned */
  onForbidden?: (ctx: Ctx, err: DomainError) => Promise<void>;
}

/**
 * Builds actions that run: context (auth) → zod parse → handler → typed result.
 * `getContext` returns null when the caller is not allowed at all (signed out).
 */
export function createActionClient<Ctx>(getContext: () => Promise<Ctx | null>, hooks: ActionClientHooks<Ctx> = {}) {
  return function action<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, ctx: Ctx) => Promise<T>) {
    return async (input: z.input<S> | FormData): Promise<ActionResult<T>> => {
      let ctx: Ctx | null = null;
      try {
        ctx = await getContext();
        if (ctx === null) return { ok: false, message: SIGNED_OUT_ERROR, code: 'SessionEnded' };
        const parsed = schema.safeParse(toInput(input));
        if (!parsed.success) {
          return {
            ok: false,
            message: VALIDATION_ERROR,
            fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
            code: 'ValidationFailed',
          };
        }
        return { ok: true, data: await handler(parsed.data, ctx) };
      } catch (err) {
        unstable_rethrow(err); // redirect(), notFound() and Next's own control flow
        if (err instanceof DomainError) {
          if (statusOf(err) === 403 && ctx !== null) await hooks.onForbidden?.(ctx, err);
          return { ok: false, message: err.message, fieldErrors: err.fieldErrors, code: err.code };
        }
        // The database is down, out of connections or timed out: nothing the user did, worth a retry.
        if (isDatabaseUnavailable(err)) {
          console.error('[action] database unavailable:', describeDatabaseError(err));
          return { ok: false, message: UNAVAILABLE_ERROR, code: 'ServiceUnavailable' };
        }
        // Unexpected: log the kind, never the input (it may hold a secret), answer generically.
        console.error('[action] unexpected error:', err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : 'unknown');
        return { ok: false, message: GENERIC_ERROR, code: 'InternalError' };
      }
    };
  };
}

/** For actions used by people without a portal session (sign-in, the OAuth authorize page): no user context. */
export const publicAction = createActionClient(async () => ({}));
