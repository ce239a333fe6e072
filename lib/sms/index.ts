import 'server-only';
import { config } from '@/lib/config';
import { OutboxSmsProvider } from './outbox';
import { TwilioSmsProvider } from './twilio';
import type { SmsProvider } from './types';

export type { SmsProvider } from './types';
export { SmsSendError } from './types';

let provider: SmsProvider | undefined;

/** SMS_PROVIDER = outbox (default: stored, shown on /dev/outbox) | twilio (the carrier's HTTP API). */
export function smsProvider(): SmsProvider {
  if (!provider) {
    const c = config();
    provider =
      c.SMS_PROVIDER === 'twilio'
        ? new TwilioSmsProvider({
            accountSid: c.SMS_TWILIO_ACCOUNT_SID ?? '',
            authToken: c.SMS_TWILIO_AUTH_TOKEN ?? '',
            from: c.SMS_TWILIO_FROM,
            messagingServiceSid: c.SMS_TWILIO_MESSAGING_SERVICE_SID,
            baseUrl: c.SMS_TWILIO_BASE_URL,
          })
        : new OutboxSmsProvider();
  }
  return provider;
}

/** /dev/outbox is for development and the local demo only: 404 in production unless DEV_OUTBOX=1. */
export function devOutboxEnabled(): boolean {
  const c = config();
  return c.SMS_PROVIDER === 'outbox' && (c.NODE_ENV !== 'production' || c.DEV_OUTBOX);
}

export { listOutbox, pruneOutbox, startOutboxPruning } from './outbox';
