import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, isUniqueViolation, notFound, pgErrorCode, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { formatRatePercent, maxRatePpm } from './rate-percent.ts';
import { standardTaxClass, taxRates } from './schema.ts';
import { isSubdivisionOf } from './subdivision-codes.ts';
import { countryCodeInput, regionCodeInput } from './tax-address.ts';
import { requireTaxClasses, taxClassHandle } from './tax-classes.ts';
import { emitTaxUpdated } from './tax-events.ts';

export type TaxRateRow = typeof taxRates.$inferSelect;

/** Fields without defaults, so a change that leaves one out leaves it as it is. */
const rateFields = {
  country: countryCodeInput,
  /** ISO 3166-2 code of the country; null or left out: the whole country. */
  region: regionCodeInput,
  /** Null or left out: the standard class. */
  taxClass: taxClassHandle.nullish().transform((c) => c ?? standardTaxClass),
  /** Millionths: 19 % = 190000, 7.25 % = 72500. */
  ratePpm: z.number().int().min(0).max(maxRatePpm),
  name: z.string().trim().min(1).max(80),
  priority: z.number().int().min(0).max(100),
  compound: z.boolean(),
};

const regionOfCountry = (rate: { country?: string; region?: string | null }) =>
  !rate.region || !rate.country || isSubdivisionOf(rate.country, rate.region);
const regionIssue = {
  message: 'Not an ISO 3166-2 subdivision code of the country, e.g. US-CA.',
  path: ['region'],
};

export const createTaxRateInput = z
  .object({
    ...rateFields,
    priority: rateFields.priority.default(0),
    compound: rateFields.compound.default(false),
  })
  .strict()
  .refine(regionOfCountry, regionIssue);
export type CreateTaxRateInput = z.input<typeof createTaxRateInput>;

export const updateTaxRateInput = z.object(rateFields).partial().strict();
export type UpdateTaxRateInput = z.input<typeof updateTaxRateInput>;

export const listTaxRatesQuery = z
  .object({
    country: countryCodeInput.optional(),
    /** A region code, or `none` for the whole-country rates. */
    region: z.string().max(12).optional(),
    taxClass: taxClassHandle.optional(),
  })
  .strict();

/** A rate as the API shows it: the class by handle ('standard' for null), the rate also in percent. */
export function taxRateView(row: TaxRateRow) {
  return {
    id: row.id,
    country: row.country,
    region: row.region,
    taxClass: row.classHandle ?? standardTaxClass,
    ratePpm: row.ratePpm,
    ratePercent: formatRatePercent(row.ratePpm),
    name: row.name,
    priority: row.priority,
    compound: row.compound,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type TaxRateView = ReturnType<typeof taxRateView>;

/** The store's rates by country, region (whole country first), class, priority and name. */
export async function listTaxRates(
  db: Db,
  storeId: string,
  filter: z.output<typeof listTaxRatesQuery> = {},
): Promise<TaxRateRow[]> {
  const where: SQL[] = [eq(taxRates.storeId, storeId)];
  if (filter.country) where.push(eq(taxRates.country, filter.country));
  if (filter.region === 'none') where.push(isNull(taxRates.region));
  else if (filter.region) where.push(eq(taxRates.region, filter.region.toUpperCase()));
  if (filter.taxClass) where.push(classIs(filter.taxClass));
  return db
    .select()
    .from(taxRates)
    .where(and(...where))
    .orderBy(
      asc(taxRates.country),
      sql`${taxRates.region} nulls first`,
      sql`coalesce(${taxRates.classHandle}, '')`,
      asc(taxRates.priority),
      asc(taxRates.name),
    );
}

export async function getTaxRate(
  db: Db,
  storeId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TaxRateRow> {
  const query = db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.storeId, storeId), eq(taxRates.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Tax rate', { id });
  return row;
}

export async function createTaxRate(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: CreateTaxRateInput,
): Promise<TaxRateRow> {
  const { taxClass, ...data } = createTaxRateInput.parse(input);
  await requireTaxClasses(tx, storeId, [taxClass]);
  const created = await writeRate(() =>
    tx
      .insert(taxRates)
      .values({ id: newId('taxRate'), storeId, ...data, classHandle: storedClass(taxClass) })
      .returning(),
  );
  await recordAudit(tx, actor, {
    storeId,
    action: 'tax.rate_created',
    entityType: 'tax_rate',
    entityId: created.id,
    after: created,
  });
  await emitTaxUpdated(tx, storeId, 'rates', { rateIds: [created.id] });
  return created;
}

export async function updateTaxRate(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
  input: UpdateTaxRateInput,
): Promise<TaxRateRow> {
  const { taxClass, ...data } = updateTaxRateInput.parse(input);
  const before = await getTaxRate(tx, storeId, id, { forUpdate: true });
  const country = data.country ?? before.country;
  const region = data.region === undefined ? before.region : data.region;
  if (region && !isSubdivisionOf(country, region)) {
    throw unprocessable('invalid_region', regionIssue.message, { path: 'region', country, region });
  }
  if (taxClass !== undefined) await requireTaxClasses(tx, storeId, [taxClass]);
  const after = await writeRate(() =>
    tx
      .update(taxRates)
      .set({
        ...data,
        region,
        ...(taxClass === undefined ? {} : { classHandle: storedClass(taxClass) }),
        updatedAt: now(),
      })
      .where(and(eq(taxRates.storeId, storeId), eq(taxRates.id, id)))
      .returning(),
  );
  await recordAudit(tx, actor, {
    storeId,
    action: 'tax.rate_updated',
    entityType: 'tax_rate',
    entityId: id,
    before,
    after,
  });
  await emitTaxUpdated(tx, storeId, 'rates', { rateIds: [id] });
  return after;
}

export async function deleteTaxRate(tx: Db, storeId: string, actor: Actor, id: string): Promise<void> {
  const before = await getTaxRate(tx, storeId, id, { forUpdate: true });
  await tx.delete(taxRates).where(eq(taxRates.id, id));
  await recordAudit(tx, actor, {
    storeId,
    action: 'tax.rate_deleted',
    entityType: 'tax_rate',
    entityId: id,
    before,
  });
  await emitTaxUpdated(tx, storeId, 'rates', { rateIds: [id], deleted: true });
}

/** Rates of the standard class are stored with no class (null), as the schema documents. */
export function storedClass(taxClass: string): string | null {
  return taxClass === standardTaxClass ? null : taxClass;
}

export function classIs(taxClass: string): SQL {
  return taxClass === standardTaxClass ? isNull(taxRates.classHandle) : eq(taxRates.classHandle, taxClass);
}

async function writeRate(write: () => Promise<TaxRateRow[]>): Promise<TaxRateRow> {
  try {
    const [row] = await write();
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict(
        'tax_rate_exists',
        'The store already has a rate of this name for this country, region and class.',
        { path: 'name' },
      );
    }
    // The class went between the check and the write (deleted at the same moment).
    if (pgErrorCode(err) === '23503') {
      throw unprocessable('unknown_tax_class', 'The tax class no longer exists.', { path: 'taxClass' });
    }
    throw err;
  }
}
