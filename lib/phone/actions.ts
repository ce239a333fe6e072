'use server';
import { revalidatePath } from 'next/cache';
import { userAction } from '@/lib/server-actions/safe-action';
import { clientIp } from '@/lib/request';
import { removePhoneNumber, sendVerificationPin, setActivePhoneNumber, verifyPhoneNumber } from './phone-numbers';
import { generatePinSchema, phoneNumberIdSchema, verifyPinSchema } from './schemas';

export const generatePin = userAction(generatePinSchema, async ({ phone }, user) => {
  const out = await sendVerificationPin(user, phone, await clientIp());
  revalidatePath('/settings/phone-numbers');
  return out;
});

export const verifyPinCode = userAction(verifyPinSchema, async ({ phone, code }, user) => {
  const out = await verifyPhoneNumber(user, phone, code, await clientIp());
  revalidatePath('/', 'layout');
  return out;
});

export const makePhoneNumberActive = userAction(phoneNumberIdSchema, async ({ id }, user) => {
  const out = await setActivePhoneNumber(user, id, await clientIp());
  revalidatePath('/', 'layout');
  return out;
});

export const removePhoneNumberAction = userAction(phoneNumberIdSchema, async ({ id }, user) => {
  const out = await removePhoneNumber(user, id, await clientIp());
  revalidatePath('/', 'layout');
  return out;
});
