import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isCountryCode } from '../../../platform/countries/country-codes.ts';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { isCurrencyCode } from '../../../platform/money/currencies.ts';
import { storeDay } from '../../markets/index.ts';
import { channelGroup, isChannelGroup } from '../channel-grouping/index.ts';
import { eventNames } from '../collection/event-names.ts';
import { type EventRow, writeEvents } from '../collection/write-events.ts';
import { markDirtyDays } from '../facts/dirty-days.ts';

/** Events in one request: a day of a small app's events, and one INSERT's worth. */
export const maxEventsPerBatch = 1_000;
/** How far back an event may be dated (history loaded from another tool) and ahead (clock skew). */
const oldest = Date.UTC(2000, 0, 1);
const skewMs = 5 * 60 * 1000;

const text = (max: number) => z.string().trim().min(1).max(max);
const id = text(128);

const itemInput = z
  .object({
    productId: id.optional(),
    variantId: id.optional(),
    sku: text(200).optional(),
    name: text(500).optional(),
    quantity: z.number().int().min(1).max(1_000_000),
    price: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

/** One event as another channel (an app, a point of sale, a server) sends it (docs/analytics-events.md). */
export const ingestEventInput = z
  .object({
    /** The sender's id for the event: sending it again is harmless. */
    eventId: id,
    name: z.enum(eventNames),
    occurredAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    visitorId: id,
    /** Defaults to one session per visitor per UTC day. */
    sessionId: id.optional(),
    sessionStart: z.boolean().optional(),
    customerId: id.optional(),
    source: text(200).optional(),
    medium: text(200).optional(),
    campaign: text(200).optional(),
    term: text(200).optional(),
    content: text(200).optional(),
    /** The default channel group; worked out from source, medium and campaign when left out. */
    channel: z
      .string()
      .refine(isChannelGroup, 'Not a default channel group (see docs/channels-and-attribution.md).')
      .optional(),
    landingPath: text(2_000).optional(),
    pagePath: text(2_000).optional(),
    device: z.enum(['desktop', 'mobile', 'tablet', 'other']).optional(),
    country: z
      .string()
      .transform((s) => s.toUpperCase())
      .refine(isCountryCode, 'Not an ISO 3166-1 alpha-2 country code.')
      .optional(),
    productId: id.optional(),
    variantId: id.optional(),
    listName: text(200).optional(),
    searchTerm: text(200).optional(),
    resultsCount: z.number().int().min(0).max(1_000_000_000).optional(),
    orderId: id.optional(),
    /** Minor units of `currency`. */
    value: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
    currency: z
      .string()
      .transform((s) => s.toUpperCase())
      .refine(isCurrencyCode, 'Not an ISO 4217 currency code.')
      .optional(),
    items: z.array(itemInput).max(200).optional(),
  })
  .strict()
  .refine((e) => e.value === undefined || e.currency !== undefined, {
    message: 'A value needs its currency.',
    path: ['currency'],
  })
  .refine((e) => e.occurredAt.getTime() >= oldest, { message: 'Dated before 2000.', path: ['occurredAt'] });

export const ingestBatchInput = z
  .object({ events: z.array(z.unknown()).min(1).max(maxEventsPerBatch) })
  .strict();

export type IngestEvent = z.output<typeof ingestEventInput>;

/**
 * Checks every event of a batch; one bad event refuses the whole batch (422, with each problem's
 * index and field) so a sender never has to work out which half was stored.
 */
export function parseEventBatch(events: readonly unknown[], now: Date): IngestEvent[] {
  const problems: { index: number; path: string; message: string }[] = [];
  const parsed: IngestEvent[] = [];
  events.forEach((raw, index) => {
    const result = ingestEventInput.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues.slice(0, 5)) {
        problems.push({ index, path: issue.path.join('.'), message: issue.message });
      }
      return;
    }
    if (result.data.occurredAt.getTime() > now.getTime() + skewMs) {
      problems.push({ index, path: 'occurredAt', message: 'Dated in the future.' });
      return;
    }
    parsed.push(result.data);
  });
  if (problems.length > 0) {
    throw unprocessable('invalid_events', `${problems.length} problem(s) in the batch; nothing was stored.`, {
      problems: problems.slice(0, 100),
    });
  }
  return parsed;
}

function daySession(visitorId: string, at: Date): string {
  const digest = createHash('sha256')
    .update(`${visitorId}|${at.toISOString().slice(0, 10)}`)
    .digest('base64url');
  return `s_d${digest.slice(0, 20)}`;
}

export function ingestRow(storeId: string, event: IngestEvent, receivedAt: Date): EventRow {
  return {
    storeId,
    occurredAt: event.occurredAt,
    eventId: event.eventId,
    receivedAt,
    name: event.name,
    origin: 'api',
    visitorId: event.visitorId,
    sessionId: event.sessionId ?? daySession(event.visitorId, event.occurredAt),
    sessionStart: event.sessionStart ?? false,
    consented: true,
    customerId: event.customerId ?? null,
    source: event.source ?? null,
    medium: event.medium ?? null,
    campaign: event.campaign ?? null,
    term: event.term ?? null,
    content: event.content ?? null,
    channel: event.channel ?? channelGroup(event),
    referrerHost: null,
    landingPath: event.landingPath ?? null,
    pagePath: event.pagePath ?? null,
    device: event.device ?? 'other',
    country: event.country ?? null,
    productId: event.productId ?? null,
    variantId: event.variantId ?? null,
    listName: event.listName ?? null,
    searchTerm: event.searchTerm ?? null,
    resultsCount: event.resultsCount ?? null,
    orderId: event.orderId ?? null,
    value: event.value ?? null,
    currency: event.currency ?? null,
    items: event.items ?? null,
  };
}

/** Stores a checked batch; events already stored (same id and time) are counted as duplicates. */
export async function ingestEvents(
  db: Db,
  store: { id: string; timezone: string },
  events: readonly unknown[],
  now = new Date(),
): Promise<{ accepted: number; duplicates: number }> {
  const parsed = parseEventBatch(events, now);
  const { written, duplicates } = await writeEvents(
    db,
    parsed.map((e) => ingestRow(store.id, e, now)),
  );
  // Events may be dated any day back: each day they fall on is rolled up again.
  await markDirtyDays(
    db,
    parsed.map((e) => ({ storeId: store.id, day: storeDay(store, e.occurredAt) })),
  );
  return { accepted: written, duplicates };
}
