import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../platform/config.ts';
import type { ReminderMessage } from './messages.ts';

/** Mail over the configured SMTP server (LICENSEDESK_SMTP_URL); one transport per process, made on first use. */
export interface Mailer {
  readonly configured: boolean;
  send(to: string, message: ReminderMessage): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer {
  let transport: Transporter | null = null;
  return {
    configured: config.smtpUrl !== null,
    async send(to, message) {
      if (!config.smtpUrl) throw new Error('SMTP is not configured');
      // A stalled server must not hold a sweep forever: each step is bounded.
      if (!transport) {
        const url = new URL(config.smtpUrl);
        transport = nodemailer.createTransport({
          host: url.hostname, port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)), secure: url.protocol === 'smtps:',
          auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
          // A plain smtp:// server on this machine (a relay, a test server) need not offer TLS.
          ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
          connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000,
        });
      }
      await transport.sendMail({
        from: config.mailFrom,
        to,
        subject: `[LicenseDesk] ${message.title.zh}`,
        text: `${message.body.zh}\n\n${message.body.en}\n\n${message.link}\n`,
        html: `<p>${escape(message.body.zh)}</p><p lang="en">${escape(message.body.en)}</p><p><a href="${escape(message.link)}">${escape(message.link)}</a></p>`,
      });
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
