import { z } from 'zod';
import { parsePhone } from './e164';

export const phoneField = z
  .string({ error: 'phone.problems.empty' })
  .trim()
  .min(1, 'phone.problems.empty')
  .max(32, 'phone.problems.tooLong')
  .superRefine((value, ctx) => {
    const parsed = parsePhone(value);
    // a message key: the server-action edge translates it (lib/i18n/server.ts)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `phone.problems.${parsed.problem}` });
  });

export const generatePinSchema = z.object({ phone: phoneField });
export type GeneratePinInput = z.infer<typeof generatePinSchema>;

export const verifyPinSchema = z.object({
  phone: phoneField,
  code: z
    .string({ error: 'phone.problems.pinEmpty' })
    .trim()
    .regex(/^\d{6}$/, 'phone.problems.pinFormat'),
});
export type VerifyPinInput = z.infer<typeof verifyPinSchema>;

export const phoneNumberIdSchema = z.object({ id: z.uuid('phone.problems.unknown') });
