/** The `/v1` error body (kaizala-connectors.md §4.7, product.md §5): `{ message, errorCode, errorCategoryKey }`. */
export interface ApiErrorBody {
  message: string;
  errorCode: string;
  errorCategoryKey: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly errorCode: string,
    message: string,
    readonly errorCategoryKey = categoryFor(status),
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return { message: this.message, errorCode: this.errorCode, errorCategoryKey: this.errorCategoryKey };
  }
}

function categoryFor(status: number): string {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'TooManyRequests';
  if (status >= 500) return 'ServerError';
  return 'BadRequest';
}
