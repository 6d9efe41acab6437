import { announceChange } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';

/** The topic every change to a store's catalog announces, so cached catalog reads are dropped. */
export function catalogTopic(storeId: string): string {
  return `catalog:${storeId}`;
}

export function announceCatalogChange(tx: Db, storeId: string): Promise<void> {
  return announceChange(tx, catalogTopic(storeId));
}
