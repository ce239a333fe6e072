import { ERRORS, type ErrorCode, type ErrorParams, type ErrorSpec } from './catalog';

export { ERRORS, type ErrorCode, type ErrorParams, type GrantProblem, type PhoneProblem, type PinBudget, type RefreshProblem } from './catalog';

export interface DomainErrorOptions {
  /** the form field the error belongs to (server actions show it under that field) */
  field?: string;
  /** several fields at once (a form checked as a whole), each with its own messages */
  fieldErrors?: Record<string, string[]>;
  /** extra response headers (Retry-After, Allow, rate-limit headers) */
  headers?: Record<string, string>;
  retryAfterSeconds?: number;
}

type Args<C extends ErrorCode> = [ErrorParams<C>] extends [void] ? [options?: DomainErrorOptions] : [params: ErrorParams<C>, options?: DomainErrorOptions];

/**
 * An expected failure a person or client can act on ("This PIN has expired"): a code from the catalog
 * and its parameters. The message (English) is built from the catalog and shown as is, so parameters
 * must never hold a secret. The edges decide the rest with `describeError`: server actions turn it into
 * `{ ok: false, message, fieldErrors }`, the /v1 router into the error body with the catalog's status.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams<C> | undefined;
  readonly options: DomainErrorOptions;

  constructor(code: C, ...args: Args<C>) {
    const spec = ERRORS[code] as ErrorSpec<unknown>;
    const hasParams = spec.takesParams;
    const params = (hasParams ? args[0] : undefined) as ErrorParams<C> | undefined;
    const options = ((hasParams ? args[1] : args[0]) ?? {}) as DomainErrorOptions;
    super(spec.message(params));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.options = options;
  }

  get fieldErrors(): Record<string, string[]> | undefined {
    if (this.options.fieldErrors) return this.options.fieldErrors;
    return this.options.field ? { [this.options.field]: [this.message] } : undefined;
  }
}

/** What an edge needs to answer with an error: HTTP status, wire code, category, text, headers. */
export function describeError(err: DomainError) {
  const spec = ERRORS[err.code] as ErrorSpec<unknown>;
  return {
    status: spec.status,
    errorCode: spec.wire ?? err.code,
    errorCategoryKey: spec.category,
    message: err.message,
    oauthError: spec.oauth,
    headers: err.options.headers ?? {},
  };
}

/** The HTTP status of a catalog code (pages: 404 → not-found page, 403 → forbidden page). */
export const statusOf = (err: DomainError) => (ERRORS[err.code] as ErrorSpec<unknown>).status;
