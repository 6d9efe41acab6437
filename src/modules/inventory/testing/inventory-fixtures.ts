import type { Database } from '../../../platform/db/database.ts';
import { systemActor } from '../../access/index.ts';
import { createProduct } from '../../catalog/index.ts';
import { createLocation, type Location } from '../locations/locations.ts';
import type { LocationKind } from '../schema.ts';

export const inventoryTestActor = systemActor('inventory test');
let productCounter = 0;

/** A product with `count` variants (sizes S1…Sn), returned as variant ids in order. */
export async function makeVariants(
  database: Database,
  store: { id: string; baseCurrency: string },
  count: number,
  options: { policy?: 'deny' | 'continue'; title?: string; cost?: number } = {},
): Promise<string[]> {
  const n = ++productCounter;
  const values = Array.from({ length: count }, (_, i) => `S${i + 1}`);
  const detail = await createProduct(database.db, { actor: inventoryTestActor, canPublish: true }, store, {
    title: options.title ?? `Stock test ${n}`,
    status: 'active',
    options: count > 1 ? [{ name: 'Size', values }] : [],
    variants: values.map((value, i) => ({
      sku: `INV-${process.pid}-${n}-${i + 1}`,
      optionValues: count > 1 ? [value] : [],
      price: { amount: 1000 },
      ...(options.cost !== undefined ? { cost: { amount: options.cost } } : {}),
      inventoryPolicy: options.policy ?? 'deny',
    })),
  });
  return detail.variants.map((v) => v.id);
}

export function makeLocation(
  database: Database,
  storeId: string,
  name: string,
  options: { kind?: LocationKind; priority?: number } = {},
): Promise<Location> {
  return createLocation(database.db, storeId, {
    name,
    kind: options.kind ?? 'warehouse',
    fulfilmentPriority: options.priority ?? 0,
  });
}
