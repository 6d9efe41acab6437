import { and, eq, isNull, or } from 'drizzle-orm';
import { cachedConfig } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppliedTaxRate } from './rate-factors.ts';
import { standardTaxClass, taxClasses, taxRates } from './schema.ts';
import { checkedTaxAddress, type TaxAddress } from './tax-address.ts';
import { taxTopic } from './tax-events.ts';

/** The rates that apply at one destination, for every class of the store. */
export interface DestinationRates {
  country: string;
  region: string | null;
  /** Where the rates came from: the region's own, the country's, or none (not taxed there). */
  level: 'region' | 'country' | 'none';
  /** Every class of the store → its rates there (an empty list: not taxed). */
  byClass: Record<string, AppliedTaxRate[]>;
}

/**
 * The store's rates for a destination (docs/tax.md, "Which rates apply"):
 * 1. The most specific place with rates wins: if the store has any rate for the address's region,
 *    the region's rates replace the country's entirely (ES-CN, the Canary Islands, has no Spanish
 *    VAT); otherwise the country's whole-country rates apply.
 * 2. Within that place, a class takes its own rates; a class with none there takes the standard
 *    class's rates there, so a forgotten rate charges the full rate rather than nothing. A class
 *    meant to be untaxed somewhere gets a 0 % rate there.
 * 3. All rates of a place and class apply together: a US state rate and a county or city rate in
 *    the same region code are summed (a compound one is charged on the others).
 * Errors: 422 `invalid_address`.
 */
export async function resolveRates(db: Db, storeId: string, address: TaxAddress): Promise<DestinationRates> {
  const { country, region } = checkedTaxAddress(address);
  return cachedConfig(`${storeId}:tax-rates:${country}:${region ?? ''}`, [taxTopic(storeId)], () =>
    readRates(db, storeId, country, region),
  );
}

async function readRates(
  db: Db,
  storeId: string,
  country: string,
  region: string | null,
): Promise<DestinationRates> {
  const [classRows, rateRows] = await Promise.all([
    db.select({ handle: taxClasses.handle }).from(taxClasses).where(eq(taxClasses.storeId, storeId)),
    db
      .select()
      .from(taxRates)
      .where(
        and(
          eq(taxRates.storeId, storeId),
          eq(taxRates.country, country),
          region ? or(isNull(taxRates.region), eq(taxRates.region, region)) : isNull(taxRates.region),
        ),
      ),
  ]);
  const regional = rateRows.filter((row) => row.region !== null);
  const level = regional.length > 0 ? 'region' : rateRows.length > 0 ? 'country' : 'none';
  const place = level === 'region' ? regional : rateRows;

  const ratesByClass = new Map<string, AppliedTaxRate[]>();
  for (const row of place) {
    const handle = row.classHandle ?? standardTaxClass;
    ratesByClass.set(handle, [
      ...(ratesByClass.get(handle) ?? []),
      {
        rateId: row.id,
        name: row.name,
        ratePpm: row.ratePpm,
        compound: row.compound,
        priority: row.priority,
      },
    ]);
  }
  const standard = ratesByClass.get(standardTaxClass) ?? [];
  // The standard class exists in every store, whether or not its row has been made yet.
  const handles = new Set([standardTaxClass, ...classRows.map((row) => row.handle)]);
  const byClass: Record<string, AppliedTaxRate[]> = {};
  for (const handle of handles) byClass[handle] = ratesByClass.get(handle) ?? standard;
  return { country, region, level, byClass };
}
