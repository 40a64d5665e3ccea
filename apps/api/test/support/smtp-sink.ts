import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** SMTP_URL for the API under test */
  url: string;
  /** every message accepted, parsed (headers, text, html, attachments) */
  messages: ParsedMail[];
  /** how many messages were refused with a temporary error */
  refused: number;
  /** refuses (451) the next `count` messages to `recipient` (others, such as a late e-mail of an earlier test, pass) */
  refuseNext(count: number, recipient: string): void;
  close(): Promise<void>;
}

/** A real SMTP server in the test process (smtp-server), without TLS or authentication, keeping what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let toRefuse = 0;
  let refusedRecipient = '';
  const sink = {
    messages,
    refused: 0,
    refuseNext(count: number, recipient: string) {
      toRefuse = count;
      refusedRecipient = recipient;
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (toRefuse > 0 && JSON.stringify(mail.to ?? '').includes(refusedRecipient)) {
            toRefuse--;
            sink.refused++;
            const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
            return callback(error);
          }
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
