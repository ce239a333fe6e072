import { createTranslator } from 'next-intl';
import { portalTranslator } from '@/lib/i18n/server';
import enPhone from '@/messages/en/phone.json';

/**
 * The PIN text message in the language of the request that asked for it (the portal and the OAuth page by the
 * user's language, `/v1/generatePin` by its Accept-Language); English outside a request.
 * Words: messages/<l>/phone.json `sms.pin`.
 */
export async function pinSmsText(code: string): Promise<string> {
  const t = await portalTranslator();
  if (t && t.has('phone.sms.pin')) return t('phone.sms.pin', { code });
  return createTranslator({ locale: 'en', messages: { phone: enPhone } })('phone.sms.pin', { code });
}
