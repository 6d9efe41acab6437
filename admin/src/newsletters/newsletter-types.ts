/** The newsletters API's shapes (docs/newsletters.md). */

export type NewsletterStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

export type Audience = { kind: 'all' } | { kind: 'segment'; id: string } | { kind: 'group'; id: string };

export interface NewsletterFigures {
  recipients: number;
  pending: number;
  queued: number;
  sent: number;
  failed: number;
  skippedNoConsent: number;
  bounced: number;
  uniqueOpens: number;
  opens: number;
  uniqueClicks: number;
  clicks: number;
  tracked: number;
  unsubscribes: number;
}

export interface Newsletter {
  id: string;
  subject: string;
  preheader: string;
  bodyHtml: string;
  audience: { kind: Audience['kind']; id: string | null };
  status: NewsletterStatus;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  figures: NewsletterFigures;
}

export interface NewsletterBody {
  subject: string;
  preheader: string;
  bodyHtml: string;
  audience: Audience;
}

export const statusWords: Record<NewsletterStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  sending: { label: 'Sending', color: 'orange' },
  sent: { label: 'Sent', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'red' },
};
