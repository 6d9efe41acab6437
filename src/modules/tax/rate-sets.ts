import { eq, inArray } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, type AuditEntry, recordAuditEntries } from '../access/index.ts';
import { standardTaxClass, taxRates } from './schema.ts';
import { getTaxClass } from './tax-classes.ts';
import { emitTaxUpdated } from './tax-events.ts';
import { storedClass, type TaxRateRow } from './tax-rates.ts';

/** A rate as a file or a preset states it; its identity is country, region, class and name. */
export interface RateSpec {
  country: string;
  region: string | null;
  taxClass: string;
  ratePpm: number;
  name: string;
  priority: number;
  compound: boolean;
}

export interface RateSetReport {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

const insertBatch = 500;

export function rateIdentity(rate: Pick<RateSpec, 'country' | 'region' | 'taxClass' | 'name'>): string {
  return [rate.country, rate.region ?? '', rate.taxClass, rate.name].join('\u0000');
}

const identityOfRow = (row: TaxRateRow) =>
  rateIdentity({ ...row, taxClass: row.classHandle ?? standardTaxClass });

/**
 * Writes a set of rates by identity: a new one is created, a known one whose figure, priority or
 * compounding differs is updated, the rest stay. With `removeOthers`, the store's rates the set does
 * not name are deleted (a CSV import that replaces the table). The classes must exist. Every change
 * is audited; one `tax.updated` says what moved. With `dryRun`, only the report.
 */
export async function writeRateSet(
  tx: Db,
  storeId: string,
  actor: Actor,
  specs: readonly RateSpec[],
  options: { removeOthers: boolean; dryRun: boolean; source: string },
): Promise<RateSetReport> {
  // Imports and presets of one store run one after the other: each reads the table it then changes.
  await getTaxClass(tx, storeId, standardTaxClass, { forUpdate: true });
  const existing = await tx.select().from(taxRates).where(eq(taxRates.storeId, storeId)).for('update');
  const byIdentity = new Map(existing.map((row) => [identityOfRow(row), row]));
  const named = new Set<string>();
  const creates: (typeof taxRates.$inferInsert)[] = [];
  const updates: { before: TaxRateRow; spec: RateSpec }[] = [];
  for (const spec of specs) {
    const identity = rateIdentity(spec);
    named.add(identity);
    const row = byIdentity.get(identity);
    if (!row) {
      const { taxClass, ...fields } = spec;
      creates.push({ id: newId('taxRate'), storeId, ...fields, classHandle: storedClass(taxClass) });
    } else if (
      row.ratePpm !== spec.ratePpm ||
      row.priority !== spec.priority ||
      row.compound !== spec.compound
    ) {
      updates.push({ before: row, spec });
    }
  }
  const deletions = options.removeOthers ? existing.filter((row) => !named.has(identityOfRow(row))) : [];
  const report = {
    created: creates.length,
    updated: updates.length,
    unchanged: specs.length - creates.length - updates.length,
    deleted: deletions.length,
  };
  if (options.dryRun || creates.length + updates.length + deletions.length === 0) return report;

  const audit: AuditEntry[] = [];
  const entry = (action: string, entityId: string, before?: unknown, after?: unknown): AuditEntry => ({
    storeId,
    action,
    entityType: 'tax_rate',
    entityId,
    before: before ?? null,
    after: after ?? null,
  });
  for (let i = 0; i < creates.length; i += insertBatch) {
    const rows = await tx
      .insert(taxRates)
      .values(creates.slice(i, i + insertBatch))
      .returning();
    for (const row of rows) audit.push(entry('tax.rate_created', row.id, null, row));
  }
  for (const { before, spec } of updates) {
    const [after] = await tx
      .update(taxRates)
      .set({ ratePpm: spec.ratePpm, priority: spec.priority, compound: spec.compound, updatedAt: now() })
      .where(eq(taxRates.id, before.id))
      .returning();
    audit.push(entry('tax.rate_updated', before.id, before, after));
  }
  if (deletions.length > 0) {
    await tx.delete(taxRates).where(
      inArray(
        taxRates.id,
        deletions.map((row) => row.id),
      ),
    );
    for (const row of deletions) audit.push(entry('tax.rate_deleted', row.id, row));
  }
  await recordAuditEntries(tx, actor, audit);
  await emitTaxUpdated(tx, storeId, 'rates', { source: options.source, ...report });
  return report;
}
