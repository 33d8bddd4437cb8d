import nodemailer, { type Transporter } from 'nodemailer';
import { loadConfig } from '../config.js';

// E-mail through SMTP (nodemailer) when SMTP_URL is set; otherwise e-mail is
// off and the app works with in-app notifications only (docs/reporting.md
// "Reminders"). Messages are never sent inside a transaction: use-cases queue
// them as reminder_log rows and send-queued-email.ts sends them after commit.

export interface MailSettings {
  /** smtp(s)://… ; undefined = e-mail off. */
  smtpUrl: string | undefined;
  from: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

let configured: MailSettings | null = null;
let transport: { url: string; transporter: Transporter } | null = null;

/** Sets the mail settings (server start); without it they are read from the environment (SMTP_URL, MAIL_FROM). */
export function configureMail(settings: MailSettings | null): void {
  configured = settings;
  if (transport && transport.url !== settings?.smtpUrl) {
    transport.transporter.close();
    transport = null;
  }
}

export function mailSettings(): MailSettings {
  if (configured) return configured;
  const config = loadConfig(process.env);
  return { smtpUrl: config.smtpUrl, from: config.mailFrom };
}

export function emailEnabled(): boolean {
  return Boolean(mailSettings().smtpUrl);
}

/** Sends one message; throws when the SMTP server refuses it or cannot be reached. */
export async function sendMail(message: MailMessage): Promise<void> {
  const { smtpUrl, from } = mailSettings();
  if (!smtpUrl) throw new Error('SMTP_URL is not set');
  if (!transport || transport.url !== smtpUrl) {
    transport?.transporter.close();
    transport = {
      url: smtpUrl,
      // Short timeouts: the job must not hang on a dead server; a failure is logged and the next message tried.
      transporter: nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as Parameters<typeof nodemailer.createTransport>[0]),
    };
  }
  await transport.transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
}
