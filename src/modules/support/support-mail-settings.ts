import { randomBytes } from 'node:crypto';

/**
 * The installation's support mail settings, set once by the composition root: the address replies
 * are sent from, and the domain inbound mail is received for. Reply addresses are
 * `support+<token>@<domain>`, and Message-IDs end in `@<domain>` so they are unique to us.
 */
let settings = { mailFrom: 'storepilot@localhost', domain: 'localhost' };

export function configureSupportMail(next: { mailFrom: string; domain?: string }): void {
  settings = {
    mailFrom: next.mailFrom,
    domain: (next.domain ?? next.mailFrom.split('@')[1] ?? 'localhost').toLowerCase(),
  };
}

export function supportMailSettings(): Readonly<typeof settings> {
  return settings;
}

/** A ticket's secret: 96 random bits in lower-case hex, so it survives case-folding mail systems. */
export function newTicketToken(): string {
  return randomBytes(12).toString('hex');
}

export function replyAddressOf(token: string): string {
  return `support+${token}@${settings.domain}`;
}

/** The subject tag that names the ticket when the reply address was lost (forwarded, retyped). */
export function subjectTagOf(token: string): string {
  return `[ticket:${token}]`;
}

const tokenInAddress = /^support\+([0-9a-f]{24})@/i;
const tokenInSubject = /\[ticket:([0-9a-f]{24})\]/i;

/** The ticket token a reply address carries (any domain: the listener checked the domain). */
export function tokenOfAddress(address: string): string | null {
  return tokenInAddress.exec(address)?.[1]?.toLowerCase() ?? null;
}

export function tokenOfSubject(subject: string): string | null {
  return tokenInSubject.exec(subject)?.[1]?.toLowerCase() ?? null;
}

/** An RFC 5322 Message-ID for a message we send, from its row id. */
export function messageIdOf(supportMessageId: string): string {
  return `<${supportMessageId}@${settings.domain}>`;
}
