import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { describeDatabaseError, isDatabaseUnavailable } from '@/db/errors';
import { DomainError, ERRORS, statusOf } from '@/lib/errors';
import { portalTranslator, translateError, translateFieldErrors } from '@/lib/i18n/server';

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

/**
 * A failed result in the user's language: the message from `errors.<code>` (with the error's parameters) and every
 * field error that is a message key translated; English (the catalog's words) where no translation exists.
 */
async function failure(
  code: string,
  english: string,
  params?: unknown,
  fieldErrors?: Record<string, string[] | undefined>,
): Promise<{ ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; code: string }> {
  const t = await portalTranslator();
  const translated = translateFieldErrors(t, fieldErrors);
  return { ok: false, message: translateError(t, code, params, english), ...(translated ? { fieldErrors: translated } : {}), code };
}

/** A domain error: its message translated, and shown under its field in the same words when it names one. */
async function domainFailure(err: DomainError) {
  const { field } = err.options;
  if (field && !err.options.fieldErrors) {
    const out = await failure(err.code, err.message, err.params);
    return { ...out, fieldErrors: { [field]: [out.message] } };
  }
  // `fieldErrors` (not `options.fieldErrors`): an error class may build them itself (e.g. one per survey question)
  return failure(err.code, err.message, err.params, err.fieldErrors);
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
        if (ctx === null) return await failure('SessionEnded', SIGNED_OUT_ERROR);
        const parsed = schema.safeParse(toInput(input));
        if (!parsed.success) {
          return await failure('ValidationFailed', VALIDATION_ERROR, undefined, z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
        }
        return { ok: true, data: await handler(parsed.data, ctx) };
      } catch (err) {
        unstable_rethrow(err); // redirect(), notFound() and Next's own control flow
        if (err instanceof DomainError) {
          if (statusOf(err) === 403 && ctx !== null) await hooks.onForbidden?.(ctx, err);
          return await domainFailure(err);
        }
        // The database is down, out of connections or timed out: nothing the user did, worth a retry.
        if (isDatabaseUnavailable(err)) {
          console.error('[action] database unavailable:', describeDatabaseError(err));
          return await failure('ServiceUnavailable', UNAVAILABLE_ERROR);
        }
        // Unexpected: log the kind, never the input (it may hold a secret), answer generically.
        console.error('[action] unexpected error:', err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : 'unknown');
        return await failure('InternalError', GENERIC_ERROR);
      }
    };
  };
}

/** For actions used by people without a portal session (sign-in, the OAuth authorize page): no user context. */
export const publicAction = createActionClient(async () => ({}));
