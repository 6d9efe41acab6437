import { performance } from 'node:perf_hooks';
import { and, eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../../platform/db/database.ts';
import { type DomainEvent, findEvent } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { JobContext, JobHandler, JobRunner } from '../../platform/jobs/runner.ts';
import { DELIVER_JOB, type DeliverJobPayload } from './consumer.ts';
import { webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from './schema.ts';

export interface DeliveryOptions {
  /** How long to wait for the receiver's answer (default 10 s). */
  requestTimeoutMs?: number;
}

/** How much of the receiver's answer the delivery log keeps. */
const RESPONSE_EXCERPT_CHARS = 500;

/** The request body per Standard Webhooks: the same bytes on every attempt. */
export function webhookBody(event: DomainEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.payload });
}

/**
 * The `webhook-signature` header: one `v1,<base64>` per secret, space-separated, so that during a
 * rotation a receiver holding either the old or the new secret can verify.
 */
export function signWebhook(
  secrets: readonly string[],
  msgId: string,
  timestamp: Date,
  body: string,
): string {
  return secrets.map((secret) => new Webhook(secret).sign(msgId, timestamp, body)).join(' ');
}

async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_EXCERPT_CHARS * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS);
}

/** A failure in words an integrator can act on, without the URL (which may carry a token). */
function describeFailure(err: unknown, timeoutMs: number): string {
  const error = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (error.name === 'AbortError') return 'interrupted: the worker was stopping';
  if (error.cause?.code) return `could not connect (${error.cause.code})`;
  return error.cause?.message ?? error.message ?? String(err);
}

interface Attempt {
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
  attemptedAt: Date;
}

type Outcome = 'delivered' | 'pending' | 'failed';

/** Writes the attempt to the log and the delivery's summary together. */
async function recordAttempt(db: Db, deliveryId: string, attempt: Attempt, outcome: Outcome) {
  await db.transaction(async (tx) => {
    const [delivery] = await tx
      .update(webhookDeliveries)
      .set({
        status: outcome,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatusCode: attempt.statusCode,
        lastError: attempt.error,
        lastAttemptAt: attempt.attemptedAt,
        ...(outcome === 'delivered' ? { deliveredAt: sql`now()` } : {}),
      })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')))
      .returning({ attempts: webhookDeliveries.attempts });
    // Deleted with its endpoint, or cancelled, while the request was in flight: nothing to log against.
    if (!delivery) return;
    await tx.insert(webhookDeliveryAttempts).values({
      id: newId('webhookAttempt'),
      deliveryId,
      attempt: delivery.attempts,
      ...attempt,
    });
  });
}

async function closeDelivery(db: Db, deliveryId: string, status: 'failed' | 'cancelled', reason: string) {
  await db
    .update(webhookDeliveries)
    .set({ status, lastError: reason })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')));
}

/**
 * The `webhooks.deliver` job: signs the event and POSTs it to the endpoint. A 2xx marks the delivery
 * delivered; anything else is logged and thrown, so the job runner retries with backoff, and the last
 * allowed attempt marks the delivery failed. Redirects are not followed (a moved endpoint is a failure
 * the integrator should see).
 */
export function createDeliverHandler(options: DeliveryOptions = {}): JobHandler<DeliverJobPayload> {
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  return async ({ deliveryId }, ctx: JobContext) => {
    const { db } = ctx;
    const [target] = await db
      .select({
        status: webhookDeliveries.status,
        eventId: webhookDeliveries.eventId,
        endpointId: webhookEndpoints.id,
        url: webhookEndpoints.url,
        enabled: webhookEndpoints.enabled,
        secret: webhookEndpoints.secret,
        previousSecret: webhookEndpoints.previousSecret,
        previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId));
    // Gone with its endpoint, or already settled by an earlier attempt.
    if (target?.status !== 'pending') return;
    if (!target.enabled) {
      await closeDelivery(db, deliveryId, 'cancelled', 'endpoint disabled before delivery');
      return;
    }
    const event = await findEvent(db, target.eventId);
    if (!event) {
      await closeDelivery(db, deliveryId, 'failed', 'the event is no longer kept');
      return;
    }

    const body = webhookBody(event);
    const attemptedAt = new Date();
    const secrets = [target.secret];
    if (
      target.previousSecret &&
      target.previousSecretExpiresAt &&
      target.previousSecretExpiresAt > attemptedAt
    ) {
      secrets.push(target.previousSecret);
    }
    const started = performance.now();
    let statusCode: number | null = null;
    let responseBody: string | null = null;
    let error: string | null = null;
    // A deadline of our own rather than AbortSignal.any([…, AbortSignal.timeout()]): on Node 20 the
    // combined signal holds the timeout signal weakly, and after a garbage collection it never fires.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    const onStop = () => deadline.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onStop, { once: true });
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Storepilot-Webhooks/1',
          'webhook-id': event.id,
          'webhook-timestamp': String(Math.floor(attemptedAt.getTime() / 1000)),
          'webhook-signature': signWebhook(secrets, event.id, attemptedAt, body),
        },
        body,
        signal: deadline.signal,
      });
      statusCode = response.status;
      responseBody = await readExcerpt(response).catch(() => null);
      if (statusCode < 200 || statusCode > 299) error = `receiver answered HTTP ${statusCode}`;
    } catch (err) {
      error = describeFailure(err, timeoutMs);
    } finally {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onStop);
    }
    const durationMs = Math.round(performance.now() - started);
    const outcome: Outcome =
      error === null ? 'delivered' : ctx.attempt >= ctx.maxAttempts ? 'failed' : 'pending';
    await recordAttempt(
      db,
      deliveryId,
      { statusCode, error, responseBody, durationMs, attemptedAt },
      outcome,
    );
    ctx.logger.debug(
      { deliveryId, endpointId: target.endpointId, eventType: event.type, statusCode, outcome, durationMs },
      'webhook attempt',
    );
    if (error !== null) throw new Error(error);
  };
}

/** Registers the delivery job on a runner. Call it once per runner before start(). */
export function registerWebhookJobs(
  runner: Pick<JobRunner, 'register'>,
  options: DeliveryOptions & { concurrency?: number } = {},
): void {
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  runner.register(DELIVER_JOB, createDeliverHandler({ requestTimeoutMs }), {
    concurrency: options.concurrency ?? 10,
    // Room to read the answer and write the log after the request's own timeout.
    timeoutMs: requestTimeoutMs + 20_000,
  });
}
