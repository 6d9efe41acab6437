import { z } from 'zod';

const entityId = z.string().trim().min(1).max(64);

/** Whom a newsletter is for: all subscribers, a rule-based segment or a manual group. */
export const audienceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('segment'), id: entityId }).strict(),
  z.object({ kind: z.literal('group'), id: entityId }).strict(),
]);
export type AudienceInput = z.input<typeof audienceInput>;

/** A newsletter as the editor saves it; the body is HTML, cleaned to the allowed subset. */
export const newsletterInput = z
  .object({
    subject: z.string().trim().min(1, 'Give the newsletter a subject.').max(200),
    preheader: z.string().trim().max(200).default(''),
    bodyHtml: z.string().max(200_000),
    audience: audienceInput,
  })
  .strict();
export type NewsletterInput = z.input<typeof newsletterInput>;

/** Send now (no `at`) or at a later moment. */
export const sendNewsletterInput = z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict();
export type SendNewsletterInput = z.input<typeof sendNewsletterInput>;
