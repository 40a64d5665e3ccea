import { Injectable, Logger } from '@nestjs/common';

export interface OtpMessage {
  channel: 'email' | 'sms';
  email: string;
  phone?: string | null;
  code: string;
}

/** The port through which one-time codes leave the system (e-mail or SMS gateways plug in here). */
export abstract class OtpSender {
  abstract send(message: OtpMessage): Promise<void>;
}

/** Default sender: writes the code to the server log, like Django's console e-mail backend. */
@Injectable()
export class ConsoleOtpSender extends OtpSender {
  private readonly logger = new Logger('OtpSender');

  async send(message: OtpMessage): Promise<void> {
    this.logger.log(`OTP for ${message.email}: ${message.code}`);
  }
}
