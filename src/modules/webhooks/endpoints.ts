import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normaliseEventTypes } from './event-filter.ts';
import { webhookEndpoints } from './schema.ts';

/** After a rotation the old secret keeps signing (as a second signature) this long. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export const createEndpointInput = z
  .object({
    url: z.string().trim().max(2048),
    description: z.string().trim().max(500).default(''),
    eventTypes: z.array(z.string().max(100)).max(100).default([]),
  })
  .strict();
export const updateEndpointInput = z
  .object({
    url: z.string().trim().max(2048),
    description: z.string().trim().max(500),
    eventTypes: z.array(z.string().max(100)).max(100),
    enabled: z.boolean(),
  })
  .partial()
  .strict();

export type CreateEndpointInput = z.input<typeof createEndpointInput>;
export type UpdateEndpointInput = z.input<typeof updateEndpointInput>;

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** An endpoint as shown to callers: never its secrets. */
export interface WebhookEndpoint {
  id: string;
  storeId: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Returned only by create and rotate: the one time the signing secret is shown. */
export type WebhookEndpointWithSecret = WebhookEndpoint & { secret: string };

function endpointView(row: EndpointRow): WebhookEndpoint {
  const { secret: _s, previousSecret: _p, previousSecretExpiresAt: _e, ...rest } = row;
  return rest;
}

/** Standard Webhooks secret: `whsec_` + base64 of 32 random bytes (the spec asks for 24 to 64). */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function checkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('invalid_url', 'The endpoint URL is not a valid absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badRequest('invalid_url', 'The endpoint URL must use http or https.');
  }
  if (!url.hostname) throw badRequest('invalid_url', 'The endpoint URL needs a host name.');
  if (url.username || url.password) {
    throw badRequest('invalid_url', 'Put no credentials in the endpoint URL; verify the signature instead.');
  }
  return url.toString();
}

export async function createEndpoint(
  db: Db,
  storeId: string,
  input: CreateEndpointInput,
): Promise<WebhookEndpointWithSecret> {
  const data = createEndpointInput.parse(input);
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id: newId('webhookEndpoint'),
      storeId,
      url: checkUrl(data.url),
      description: data.description,
      eventTypes: normaliseEventTypes(data.eventTypes),
      secret: generateSecret(),
    })
    .returning();
  return { ...endpointView(row!), secret: row!.secret };
}

export async function listEndpoints(db: Db, storeId: string): Promise<WebhookEndpoint[]> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.storeId, storeId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows.map(endpointView);
}

const inStore = (storeId: string, endpointId: string) =>
  and(eq(webhookEndpoints.storeId, storeId), eq(webhookEndpoints.id, endpointId));

export async function getEndpoint(db: Db, storeId: string, endpointId: string): Promise<WebhookEndpoint> {
  const [row] = await db.select().from(webhookEndpoints).where(inStore(storeId, endpointId));
  if (!row) throw notFound('Webhook endpoint');
  return endpointView(row);
}

/** Changes only the fields given. Disabling stops new deliveries and cancels pending retries. */
export async function updateEndpoint(
  db: Db,
  storeId: string,
  endpointId: string,
  input: UpdateEndpointInput,
): Promise<WebhookEndpoint> {
  const data = updateEndpointInput.parse(input);
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      ...(data.url !== undefined ? { url: checkUrl(data.url) } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      ...(data.eventTypes !== undefined ? { eventTypes: normaliseEventTypes(data.eventTypes) } : {}),
      ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
      updatedAt: sql`now()`,
    })
    .where(inStore(storeId, endpointId))
    .returning();
  if (!row) throw notFound('Webhook endpoint');
  return endpointView(row);
}

/** Deletes the endpoint with its delivery log; returns what it was (for the audit log). */
export async function deleteEndpoint(db: Db, storeId: string, endpointId: string): Promise<WebhookEndpoint> {
  const [row] = await db.delete(webhookEndpoints).where(inStore(storeId, endpointId)).returning();
  if (!row) throw notFound('Webhook endpoint');
  return endpointView(row);
}

/**
 * Issues a new secret. For a day the old one keeps signing too (Standard Webhooks allows several
 * signatures), so a receiver can switch secrets without rejecting deliveries in between.
 */
export async function rotateSecret(
  db: Db,
  storeId: string,
  endpointId: string,
): Promise<WebhookEndpointWithSecret> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      previousSecret: sql`${webhookEndpoints.secret}`,
      previousSecretExpiresAt: sql`now() + (${PREVIOUS_SECRET_GRACE_MS}::double precision * interval '1 millisecond')`,
      secret: generateSecret(),
      updatedAt: sql`now()`,
    })
    .where(inStore(storeId, endpointId))
    .returning();
  if (!row) throw notFound('Webhook endpoint');
  return { ...endpointView(row), secret: row.secret };
}
