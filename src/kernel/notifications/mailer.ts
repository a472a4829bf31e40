import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DB } from '../db/schema.js';
import { markMailFailed, markMailSent, pendingMails } from './notifications.repository.js';

/**
 * Mail delivery. Every mail is first an outbox row written in the transaction of the change
 * that causes it; after commit `deliverPendingMail` sends the pending rows through SMTP when
 * SMTP_URL is configured. Without SMTP the rows stay in the outbox an administrator reads at
 * /admin/outbox.
 */
let transport: Transporter | null = null;
let fromAddress = 'satudata@localhost';

export function configureMail(opts: { smtpUrl: string | undefined; from?: string | undefined }): void {
  transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  if (opts.from) fromAddress = opts.from;
}

/** Use a given transport (tests pass nodemailer's JSON transport). */
export function useMailTransport(t: Transporter | null): void {
  transport = t;
}

export function mailConfigured(): boolean {
  return transport !== null;
}

/** Send pending outbox mails; returns how many were sent. Never throws (errors stay on the row). */
export async function deliverPendingMail(db: Kysely<DB>): Promise<number> {
  if (!transport) return 0;
  let sent = 0;
  for (const mail of await pendingMails(db)) {
    try {
      await transport.sendMail({
        from: fromAddress,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.body,
      });
      await markMailSent(db, mail.id, new Date());
      sent++;
    } catch (err) {
      await markMailFailed(db, mail.id, err instanceof Error ? err.message : String(err));
    }
  }
  return sent;
}
