import { z } from 'zod';
import { parsePhone } from './e164';

export const phoneField = z
  .string({ error: 'Enter a phone number.' })
  .trim()
  .min(1, 'Enter a phone number.')
  .max(32, 'That is too long for a phone number.')
  .superRefine((value, ctx) => {
    const parsed = parsePhone(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

export const generatePinSchema = z.object({ phone: phoneField });
export type GeneratePinInput = z.infer<typeof generatePinSchema>;

export const verifyPinSchema = z.object({
  phone: phoneField,
  code: z
    .string({ error: 'Enter the PIN.' })
    .trim()
    .regex(/^\d{6}$/, 'The PIN is the 6 digits from the SMS.'),
});
export type VerifyPinInput = z.infer<typeof verifyPinSchema>;

export const phoneNumberIdSchema = z.object({ id: z.uuid('Unknown phone number.') });
