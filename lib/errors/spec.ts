/**
 * The pieces the error catalog (catalog.ts) is written with: the shape of one entry, the `spec()` helper
 * that builds it, and the texts of the errors that take a "which problem" parameter.
 */
export interface ErrorSpec<P> {
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 416 | 422 | 429 | 431 | 500 | 502 | 503;
  category: string;
  message: (params: P) => string;
  /** whether the message takes parameters (the constructor's second argument) */
  takesParams: boolean;
  wire?: string;
  oauth?: string;
}

export function spec<P = void>(
  status: ErrorSpec<P>['status'],
  category: string,
  message: string | ((params: P) => string),
  extra: { wire?: string; oauth?: string } = {},
): ErrorSpec<P> {
  return { status, category, message: typeof message === 'string' ? () => message : message, takesParams: typeof message !== 'string', ...extra };
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type PhoneProblem = 'empty' | 'notInternational' | 'characters' | 'invalid' | 'refusedType';
export const PHONE_PROBLEMS: Record<PhoneProblem, string> = {
  empty: 'Enter a phone number.',
  notInternational: 'Enter the number in international format, starting with + and the country code (e.g. +1 425 555 0101).',
  characters: 'A phone number may only contain digits, spaces, ( ) . - and a leading +.',
  invalid: 'This is not a valid phone number. Check the country code and the digits.',
  refusedType: 'Premium-rate, toll-free, shared-cost, personal (forwarding) and VoIP numbers cannot receive a PIN. Use a mobile or landline number.',
};

export type PinBudget = 'requester' | 'number' | 'ip' | 'tenant' | 'global';
export const PIN_LIMITS: Record<PinBudget, (wait: string) => string> = {
  requester: (w) => `Too many PINs were sent to this number. You can request a new one in ${w}.`,
  number: (w) => `Too many PINs were sent to this number. You can request a new one in ${w}.`,
  ip: (w) => `Too many PINs were requested from your network. Try again in ${w}.`,
  tenant: (w) => `Too many PINs were requested for this organization. Try again in ${w}.`,
  global: (w) => `PIN sending is busy right now. Try again in ${w}.`,
};

export type RefreshProblem = 'notForConnector' | 'revoked' | 'expired' | 'replayed' | 'raced';
export const REFRESH_PROBLEMS: Record<RefreshProblem, string> = {
  notForConnector: 'it is not valid for this connector.',
  revoked: 'it was revoked.',
  expired: 'it has expired.',
  replayed: 'it was already exchanged for a newer one; every token of this family is now revoked.',
  raced: 'it was just exchanged by another request. Use the newest refresh token.',
};

export type GrantProblem = 'codeInvalid' | 'codeReplayed' | 'redirectMismatch' | 'connectorInactive';
export const GRANT_PROBLEMS: Record<GrantProblem, string> = {
  codeInvalid: 'The authorization code is invalid, expired or already used.',
  codeReplayed: 'The authorization code was already used; the tokens it produced are now revoked.',
  redirectMismatch: 'The redirect_uri does not match the one the code was issued for.',
  connectorInactive: 'This connector is deactivated.',
};
