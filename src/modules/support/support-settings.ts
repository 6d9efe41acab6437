import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, isUniqueViolation } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { supportSettings } from './schema.ts';

export interface SupportSettings {
  /** The address customers write to (mail for it is received by the inbound listener); null: none yet. */
  supportAddress: string | null;
  /** Solved tickets get a satisfaction survey (Good / Bad) by e-mail, `csatDelayMinutes` after solving. */
  csatEnabled: boolean;
  csatDelayMinutes: number;
}

export const supportSettingsInput = z
  .object({
    supportAddress: z
      .string()
      .trim()
      .max(254)
      .transform((a) => a.toLowerCase())
      .pipe(z.email('Enter an address such as help@yourshop.example.'))
      .nullable(),
    csatEnabled: z.boolean().optional(),
    /** At most a week: a survey later than that is about a ticket the customer forgot. */
    csatDelayMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .optional(),
  })
  .strict();
export type SupportSettingsInput = z.input<typeof supportSettingsInput>;

export async function getSupportSettings(db: Db, storeId: string): Promise<SupportSettings> {
  const [row] = await db.select().from(supportSettings).where(eq(supportSettings.storeId, storeId));
  return {
    supportAddress: row?.supportAddress ?? null,
    csatEnabled: row?.csatEnabled ?? true,
    csatDelayMinutes: row?.csatDelayMinutes ?? 60,
  };
}

/** The store whose support address this is (lower-cased match), or null. */
export async function storeOfSupportAddress(db: Db, address: string): Promise<string | null> {
  const [row] = await db
    .select({ storeId: supportSettings.storeId })
    .from(supportSettings)
    .where(eq(supportSettings.supportAddress, address.toLowerCase()));
  return row?.storeId ?? null;
}

/** Sets the store's support address; 409 `support_address_taken` when another store has it. */
export async function updateSupportSettings(
  db: Db,
  storeId: string,
  actor: Actor,
  input: SupportSettingsInput,
): Promise<SupportSettings> {
  const data = supportSettingsInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const before = await getSupportSettings(tx, storeId);
      const after: SupportSettings = {
        supportAddress: data.supportAddress,
        csatEnabled: data.csatEnabled ?? before.csatEnabled,
        csatDelayMinutes: data.csatDelayMinutes ?? before.csatDelayMinutes,
      };
      await tx
        .insert(supportSettings)
        .values({ storeId, ...after, updatedAt: now() })
        .onConflictDoUpdate({ target: supportSettings.storeId, set: { ...after, updatedAt: now() } });
      await recordAudit(tx, actor, {
        storeId,
        action: 'support.settings_updated',
        entityType: 'support_settings',
        entityId: storeId,
        before,
        after,
      });
      await emitEvent(tx, { storeId, type: 'support.settings_updated', payload: {} });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('support_address_taken', 'Another store receives mail at this address.', {
        path: 'supportAddress',
      });
    }
    throw err;
  }
}
