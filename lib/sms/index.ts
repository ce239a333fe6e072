import 'server-only';
import { OutboxSmsProvider } from './outbox';
import { TwilioSmsProvider } from './twilio';
import type { SmsProvider } from './types';

export type { SmsProvider } from './types';
export { SmsSendError } from './types';

let provider: SmsProvider | undefined;

/** SMS_PROVIDER = outbox (default: stored, shown on /dev/outbox) | twilio (the carrier's HTTP API). */
export function smsProvider(): SmsProvider {
  if (!provider) {
    const kind = process.env.SMS_PROVIDER ?? 'outbox';
    if (kind === 'twilio') {
      provider = new TwilioSmsProvider({
        accountSid: process.env.SMS_TWILIO_ACCOUNT_SID ?? '',
        authToken: process.env.SMS_TWILIO_AUTH_TOKEN ?? '',
        from: process.env.SMS_TWILIO_FROM,
        messagingServiceSid: process.env.SMS_TWILIO_MESSAGING_SERVICE_SID,
        baseUrl: process.env.SMS_TWILIO_BASE_URL,
      });
    } else if (kind === 'outbox') {
      provider = new OutboxSmsProvider();
    } else {
      throw new Error(`Unknown SMS_PROVIDER "${kind}" (use outbox or twilio).`);
    }
  }
  return provider;
}

/** /dev/outbox is for development and the local demo only: 404 in production unless DEV_OUTBOX=1. */
export function devOutboxEnabled(): boolean {
  return (process.env.SMS_PROVIDER ?? 'outbox') === 'outbox' && (process.env.NODE_ENV !== 'production' || process.env.DEV_OUTBOX === '1');
}

export { listOutbox, pruneOutbox, startOutboxPruning } from './outbox';
