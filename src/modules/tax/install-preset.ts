import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { type Actor, recordAuditEntries } from '../access/index.ts';
import { type TaxPresetKey, taxPresets } from './presets.ts';
import { type RateSetReport, writeRateSet } from './rate-sets.ts';
import { taxClasses } from './schema.ts';
import { countryCodeInput } from './tax-address.ts';
import { ensureStandardClass } from './tax-classes.ts';
import { emitTaxUpdated } from './tax-events.ts';

export const installPresetInput = z
  .object({
    /** Only these of the preset's countries; all of them when left out. */
    countries: z.array(countryCodeInput).min(1).max(50).optional(),
  })
  .strict();
export type InstallPresetInput = z.input<typeof installPresetInput>;

/**
 * Installs a preset: its classes the store lacks are made, its rates are written by identity
 * (country, region, class, name), so installing again changes nothing and a rate the store edited
 * is set back to the published figure; the store's other rates stay. Errors: 422
 * `preset_country_unknown` for a country the preset does not cover.
 */
export async function installTaxPreset(
  tx: Db,
  storeId: string,
  actor: Actor,
  key: TaxPresetKey,
  input: InstallPresetInput,
): Promise<RateSetReport & { preset: TaxPresetKey; classesCreated: string[] }> {
  const preset = taxPresets[key];
  const { countries } = installPresetInput.parse(input);
  const covered = new Set(preset.rates.map((rate) => rate.country));
  const unknown = (countries ?? []).filter((country) => !covered.has(country));
  if (unknown.length > 0) {
    throw unprocessable(
      'preset_country_unknown',
      `The ${key} preset has no rates for ${unknown.join(', ')}.`,
      {
        path: 'countries',
        countries: unknown,
        covered: [...covered],
      },
    );
  }
  await ensureStandardClass(tx, storeId);
  const made = await tx
    .insert(taxClasses)
    .values(preset.classes.map((c) => ({ storeId, ...c })))
    .onConflictDoNothing()
    .returning();
  if (made.length > 0) {
    await recordAuditEntries(
      tx,
      actor,
      made.map((c) => ({
        storeId,
        action: 'tax.class_created',
        entityType: 'tax_class',
        entityId: c.handle,
        after: c,
      })),
    );
    await emitTaxUpdated(tx, storeId, 'classes', { taxClasses: made.map((c) => c.handle), preset: key });
  }
  const wanted = countries ? new Set(countries) : covered;
  const report = await writeRateSet(
    tx,
    storeId,
    actor,
    preset.rates.filter((rate) => wanted.has(rate.country)),
    { removeOthers: false, dryRun: false, source: `preset:${key}` },
  );
  return { preset: key, classesCreated: made.map((c) => c.handle), ...report };
}
