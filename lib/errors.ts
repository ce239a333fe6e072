/**
 * An expected failure a person or client can act on ("This PIN has expired"). Its message is shown as
 * is, so it must never contain a secret. Server actions turn it into `{ ok: false, message, fieldErrors }`;
 * the /v1 router into the error body with `status`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly options: { field?: string; status?: number; retryAfterSeconds?: number; headers?: Record<string, string>; category?: string } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get fieldErrors(): Record<string, string[]> | undefined {
    return this.options.field ? { [this.options.field]: [this.message] } : undefined;
  }
}
