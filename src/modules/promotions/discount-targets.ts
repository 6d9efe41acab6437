import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { findCollectionIds, findProductIds } from '../catalog/index.ts';
import type { DiscountDefinition } from './discount-input.ts';
import type { DiscountTarget } from './engine/types.ts';

/**
 * Refuses a definition that names products or collections the store does not have (422
 * `unknown_targets`, naming them): a stale id would silently match nothing. Ids are checked when
 * the discount is saved; one deleted from the catalog later simply stops matching.
 */
export async function assertTargetsExist(
  db: Db,
  storeId: string,
  definition: DiscountDefinition,
): Promise<void> {
  const targets: DiscountTarget[] = [definition.appliesTo];
  if (definition.buyXGetY) targets.push(definition.buyXGetY.buys.items, definition.buyXGetY.gets.items);
  const productIds = [...new Set(targets.flatMap((t) => (t.scope === 'products' ? t.productIds : [])))];
  const collectionIds = [
    ...new Set(targets.flatMap((t) => (t.scope === 'collections' ? t.collectionIds : []))),
  ];
  const [products, collections] = await Promise.all([
    findProductIds(db, storeId, productIds),
    findCollectionIds(db, storeId, collectionIds),
  ]);
  const unknownProductIds = productIds.filter((id) => !products.has(id));
  const unknownCollectionIds = collectionIds.filter((id) => !collections.has(id));
  if (unknownProductIds.length > 0 || unknownCollectionIds.length > 0) {
    throw unprocessable('unknown_targets', 'Some products or collections do not exist in this store.', {
      unknownProductIds,
      unknownCollectionIds,
    });
  }
}
