import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TwilioSmsProvider } from './twilio';
import { SmsSendError } from './types';

// A local HTTP server stands in for the carrier: the adapter must speak the carrier's real protocol.
let server: ReturnType<typeof createServer> | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function carrier(status: number, body: object) {
  const seen: { method?: string; url?: string; headers?: IncomingMessage['headers']; body?: string } = {};
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      Object.assign(seen, { method: req.method, url: req.url, headers: req.headers, body: data });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { seen, baseUrl: `http://127.0.0.1:${(server!.address() as AddressInfo).port}` };
}

describe('TwilioSmsProvider', () => {
  it('POSTs the form the carrier documents, with Basic auth', async () => {
    const { seen, baseUrl } = await carrier(201, { sid: 'SM123', status: 'queued' });
    const sms = new TwilioSmsProvider({ accountSid: 'AC123', authToken: 'tok', from: '+15005550006', baseUrl });
    await sms.send('+14255550101', 'Your PIN is 123456');
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(seen.headers?.authorization).toBe(`Basic ${Buffer.from('AC123:tok').toString('base64')}`);
    expect(seen.headers?.['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({ To: '+14255550101', Body: 'Your PIN is 123456', From: '+15005550006' });
  });

  it('uses MessagingServiceSid when configured', async () => {
    const { seen, baseUrl } = await carrier(201, { sid: 'SM1' });
    await new TwilioSmsProvider({ accountSid: 'AC1', authToken: 't', messagingServiceSid: 'MG1', baseUrl }).send('+1', 'x');
    expect(new URLSearchParams(seen.body).get('MessagingServiceSid')).toBe('MG1');
    expect(new URLSearchParams(seen.body).has('From')).toBe(false);
  });

  it('reports a refusal without leaking the message text', async () => {
    const { baseUrl } = await carrier(429, { code: 60203, message: 'Max send attempts reached' });
    const sms = new TwilioSmsProvider({ accountSid: 'AC1', authToken: 't', from: '+1', baseUrl });
    const err = await sms.send('+14255550101', 'Your PIN is 654321').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsSendError);
    expect((err as Error).message).toBe('The SMS carrier refused the message: HTTP 429 (carrier code 60203).');
    expect((err as Error).message).not.toContain('654321');
  });

  it('fails cleanly when unconfigured or unreachable', async () => {
    await expect(new TwilioSmsProvider({ accountSid: '', authToken: '' }).send('+1', 'x')).rejects.toThrow('not configured');
    await expect(
      new TwilioSmsProvider({ accountSid: 'A', authToken: 't', from: '+1', baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 }).send('+1', 'x'),
    ).rejects.toThrow('could not be reached');
  });
});
