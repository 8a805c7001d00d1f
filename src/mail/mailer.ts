import nodemailer from 'nodemailer';
import type { Config } from '../config/config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML (sent as multipart/alternative beside the text). */
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Readonly<Record<string, string>>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * SMTP through nodemailer when SMTP_URL is set (e.g. smtp://user:pass@host:587). Without it,
 * outside production, mails are written to the log so a developer can follow reset links;
 * in production, SMTP_URL is required (checked at start).
 */
export function createMailer(config: Config, log: (msg: string) => void): Mailer {
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport(config.SMTP_URL);
    return {
      async send(mail) {
        await transport.sendMail({
          from: config.MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.headers ? { headers: { ...mail.headers } } : {}),
        });
      },
    };
  }
  return {
    async send(mail) {
      log(`[mail to ${mail.to}] ${mail.subject}\n${mail.text}`);
    },
  };
}
