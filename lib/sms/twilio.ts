import { SmsSendError, type SmsProvider } from './types';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from?: string;
  messagingServiceSid?: string;
  /** Override for tests; default https://api.twilio.com */
  baseUrl?: string;
  timeoutMs?: number;
}

/**
 * Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP Basic auth
 * (Account SID + Auth Token), form-encoded To, From (or MessagingServiceSid), Body. 201 on success.
 */
export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'twilio';
  constructor(private readonly config: TwilioConfig) {}

  request(to: string, body: string): { url: string; init: RequestInit } {
    const { accountSid, authToken, from, messagingServiceSid } = this.config;
    const base = (this.config.baseUrl ?? 'https://api.twilio.com').replace(/\/$/, '');
    const form = new URLSearchParams({ To: to, Body: body });
    if (messagingServiceSid) form.set('MessagingServiceSid', messagingServiceSid);
    else if (from) form.set('From', from);
    return {
      url: `${base}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
      init: {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
      },
    };
  }

  async send(to: string, body: string): Promise<void> {
    if (!this.config.accountSid || !this.config.authToken || !(this.config.from || this.config.messagingServiceSid)) {
      throw new SmsSendError('The SMS carrier is not configured.');
    }
    const { url, init } = this.request(to, body);
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000) });
    } catch {
      throw new SmsSendError('The SMS carrier could not be reached.');
    }
    if (res.status !== 201 && res.status !== 200) {
      let code = '';
      try {
        const json = (await res.json()) as { code?: number };
        code = json.code ? ` (carrier code ${json.code})` : '';
      } catch {
        /* not JSON */
      }
      throw new SmsSendError(`The SMS carrier refused the message: HTTP ${res.status}${code}.`);
    }
  }
}
