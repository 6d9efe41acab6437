import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange, cachedConfig } from '../../platform/cache/index.ts';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { type CaptureMode, captureModes, paymentSettings } from './schema.ts';

export interface PaymentSettings {
  /** Take the money when the order is placed, or when its parcels ship (for what ships). */
  captureMode: CaptureMode;
  providers: {
    /** Bank transfer / cash on delivery: what the shopper reads at checkout and after. */
    manual: { enabled: boolean; title: string; instructions: string };
    test_card: { enabled: boolean };
  };
  /** Whether a webhook secret exists (it is shown once, when made: `rotatePaymentWebhookSecret`). */
  webhook: { secretSet: boolean };
}

/**
 * What a store has until it changes something: capture at once; bank transfer and the test card
 * both offered, so a new store can take an order end to end (docs/payments.md, "Settings").
 */
/** Emitted when a store's payment settings change (checkout's offer follows them). */
export const PAYMENT_SETTINGS_UPDATED_EVENT = 'payment.settings_updated';

export const defaultPaymentSettings: PaymentSettings = {
  captureMode: 'immediate',
  providers: {
    manual: { enabled: true, title: 'Bank transfer', instructions: '' },
    test_card: { enabled: true },
  },
  webhook: { secretSet: false },
};

export const updatePaymentSettingsInput = z
  .object({
    captureMode: z.enum(captureModes),
    providers: z
      .object({
        manual: z
          .object({
            enabled: z.boolean(),
            title: z.string().trim().min(1).max(80),
            instructions: z.string().trim().max(2000),
          })
          .partial()
          .strict(),
        test_card: z.object({ enabled: z.boolean() }).partial().strict(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type UpdatePaymentSettingsInput = z.input<typeof updatePaymentSettingsInput>;

type SettingsRow = typeof paymentSettings.$inferSelect;

function settingsOfRow(row: SettingsRow | undefined): PaymentSettings {
  if (!row) return defaultPaymentSettings;
  return {
    captureMode: row.captureMode,
    providers: {
      manual: { enabled: row.manualEnabled, title: row.manualTitle, instructions: row.manualInstructions },
      test_card: { enabled: row.testCardEnabled },
    },
    webhook: { secretSet: row.webhookSecret !== null },
  };
}

async function settingsRow(db: Db, storeId: string, forUpdate = false): Promise<SettingsRow | undefined> {
  const query = db.select().from(paymentSettings).where(eq(paymentSettings.storeId, storeId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The store's payment settings: the defaults until changed. */
export function getPaymentSettings(db: Db, storeId: string): Promise<PaymentSettings> {
  return cachedConfig(`${storeId}:payment-settings`, [paymentSettingsTopic(storeId)], async () =>
    settingsOfRow(await settingsRow(db, storeId)),
  );
}

/** The change-feed topic of a store's payment settings (read at every checkout, so cached). */
function paymentSettingsTopic(storeId: string): string {
  return `payment-settings:${storeId}`;
}

/** The secret the providers' webhook events for this store are signed with; null until made. */
export async function paymentWebhookSecretOf(db: Db, storeId: string): Promise<string | null> {
  return (await settingsRow(db, storeId))?.webhookSecret ?? null;
}

function rowValues(settings: PaymentSettings) {
  return {
    captureMode: settings.captureMode,
    manualEnabled: settings.providers.manual.enabled,
    manualTitle: settings.providers.manual.title,
    manualInstructions: settings.providers.manual.instructions,
    testCardEnabled: settings.providers.test_card.enabled,
  };
}

/**
 * Changes the settings; fields left out stay. 422 `payment_provider_required` when it would leave
 * no way to pay.
 */
export async function updatePaymentSettings(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: UpdatePaymentSettingsInput,
): Promise<PaymentSettings> {
  const data = updatePaymentSettingsInput.parse(input);
  // Lock the row (if any) so two changes at once apply one after the other.
  const before = settingsOfRow(await settingsRow(tx, storeId, true));
  const after: PaymentSettings = {
    captureMode: data.captureMode ?? before.captureMode,
    providers: {
      manual: { ...before.providers.manual, ...data.providers?.manual },
      test_card: { ...before.providers.test_card, ...data.providers?.test_card },
    },
    webhook: before.webhook,
  };
  if (!after.providers.manual.enabled && !after.providers.test_card.enabled) {
    throw unprocessable('payment_provider_required', 'Keep at least one way to pay enabled.', {
      path: 'providers',
    });
  }
  const values = { ...rowValues(after), updatedAt: now() };
  await tx
    .insert(paymentSettings)
    .values({ storeId, ...values })
    .onConflictDoUpdate({ target: paymentSettings.storeId, set: values });
  await recordAudit(tx, actor, {
    storeId,
    action: 'payment.settings_updated',
    entityType: 'payment_settings',
    entityId: storeId,
    before,
    after,
  });
  await emitEvent(tx, {
    storeId,
    type: PAYMENT_SETTINGS_UPDATED_EVENT,
    payload: { fields: Object.keys(data) },
  });
  await announceChange(tx, paymentSettingsTopic(storeId));
  return after;
}

/**
 * Makes a new Standard Webhooks secret for the store's payment events (the old one stops
 * verifying at once) and returns it: the one time it is shown. The audit entry names the change,
 * never the secret.
 */
export async function rotatePaymentWebhookSecret(tx: Db, storeId: string, actor: Actor): Promise<string> {
  const before = settingsOfRow(await settingsRow(tx, storeId, true));
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  await tx
    .insert(paymentSettings)
    .values({ storeId, ...rowValues(before), webhookSecret: secret })
    .onConflictDoUpdate({
      target: paymentSettings.storeId,
      set: { webhookSecret: secret, updatedAt: now() },
    });
  await recordAudit(tx, actor, {
    storeId,
    action: 'payment.webhook_secret_rotated',
    entityType: 'payment_settings',
    entityId: storeId,
    before: before.webhook,
    after: { secretSet: true },
  });
  await emitEvent(tx, { storeId, type: PAYMENT_SETTINGS_UPDATED_EVENT, payload: { fields: ['webhook'] } });
  await announceChange(tx, paymentSettingsTopic(storeId));
  return secret;
}
