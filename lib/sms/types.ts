export interface SmsProvider {
  readonly name: string;
  /** Resolves once the carrier accepted the message; throws SmsSendError otherwise. */
  send(to: string, body: string): Promise<void>;
}

export class SmsSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmsSendError';
  }
}
