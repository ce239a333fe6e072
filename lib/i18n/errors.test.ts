import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '@/lib/errors';
import { translateError } from './server';

/**
 * messages/en/errors.json says exactly what the catalog says (the English specs assert those words), for every
 * code it translates and every shape of its parameters; the portal can show every code but a few `/v1`-only ones.
 */
const en = JSON.parse(readFileSync(path.join(process.cwd(), 'messages/en/errors.json'), 'utf8')) as Record<string, string>;
const t = createTranslator({ locale: 'en', messages: { errors: en } }) as unknown as Parameters<typeof translateError>[0];

const wait = (seconds: number) =>
  seconds < 60
    ? { wait: `${seconds} second${seconds === 1 ? '' : 's'}`, waitUnit: 'second', waitCount: seconds }
    : { wait: `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`, waitUnit: 'minute', waitCount: Math.ceil(seconds / 60) };

const SAMPLES: Partial<Record<ErrorCode, Record<string, unknown>[]>> = {
  InvalidParameters: [{ detail: 'name: Required.' }],
  MethodNotAllowed: [{ method: 'PATCH', allow: 'GET, POST' }],
  UnsupportedMediaType: [{ accepted: 'application/json' }],
  TooManyRequests: (['connector', 'tenant', 'failures'] as const).map((scope) => ({ scope, limit: 100, retryAfter: 42 })),
  RefreshTokenInvalid: ['notForConnector', 'revoked', 'expired', 'replayed', 'raced'].map((why) => ({ why })),
  MissingPermission: [{ permission: 'Media' }],
  InvalidGrant: ['codeInvalid', 'codeReplayed', 'redirectMismatch', 'connectorInactive'].map((why) => ({ why })),
  InvalidPhone: ['empty', 'notInternational', 'characters', 'invalid', 'refusedType'].map((problem) => ({ problem })),
  PinSendLimit: ['requester', 'number', 'ip', 'tenant', 'global'].flatMap((budget) => [1, 45, 60, 61, 600].map((s) => ({ budget, ...wait(s) }))),
  PinWrong: [{ left: 1 }, { left: 2 }, { left: 0 }],
  ConfirmationMismatch: [{ name: 'CRM sync' }],
  RedirectUrlLimit: [{ max: 10 }],
  ConnectorInactive: [{ for: 'grant' }, { for: 'userToken' }],
  GroupConfirmationMismatch: [{ name: 'Field Sales' }],
  ActionTypeMismatch: [{ actual: 'Poll' }],
  MediaTypeNotSupported: [{ extensions: '.jpg, .png' }],
  RangeNotSatisfiable: [{ size: 123456 }],
  AnswerFileType: [{ expected: 'image' }, { expected: 'any' }],
  AnswerFileTooLarge: [{ maxMb: 10 }, { maxMb: 1.5 }],
  WebhookUrlRefused: [{ reason: 'Use https.' }],
  WebhookValidationFailed: [{ detail: 'it answered 500' }],
  ConnectionUrlNotAllowed: [{ reason: 'Not allowed.' }],
  ConnectionHeaderNotAllowed: [{ header: 'Authorization' }],
  ConnectionUpstreamFailed: [{ reason: 'timeout' }],
};

/** `/v1`-only texts the portal never shows (Kaizala's own words, or built from request details). */
const V1_ONLY = new Set<string>([
  'MissingHeaders',
  'HeaderTooLong',
  'Unauthenticated',
  'TokenMissing',
  'TokenExpired',
  'InvalidToken',
  'UnknownActionType',
  'MediaResourceUnusable',
  'MediaKindMismatch',
  'AssigneesNotMembers',
  'ActionNotRespondable',
  'MediaTooLarge',
  'ConnectionResponseTooLarge',
]);

describe('errors.json (English)', () => {
  it('names only catalog codes, and every code but the /v1-only ones', () => {
    const codes = Object.keys(ERRORS);
    expect(Object.keys(en).filter((k) => !codes.includes(k))).toEqual([]);
    expect(codes.filter((c) => !(c in en) && !V1_ONLY.has(c))).toEqual([]);
  });

  for (const code of Object.keys(en) as ErrorCode[]) {
    it(`${code} reads exactly as the catalog`, () => {
      const spec = ERRORS[code] as { takesParams: boolean; message: (p: unknown) => string };
      const samples = spec.takesParams ? SAMPLES[code] : [undefined];
      expect(samples, `add samples for ${code}`).toBeDefined();
      for (const params of samples!) expect(translateError(t, code, params, 'fallback')).toBe(spec.message(params));
    });
  }
});
