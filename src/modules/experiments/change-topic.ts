import { announceChange } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * The change-feed topic of a store's experiments: the storefront drops its cached list of running
 * experiments and the store's cached pages when it hears it (pages show the variants).
 */
export function experimentsTopic(storeId: string): string {
  return `experiments:${storeId}`;
}

export function announceExperimentChange(tx: Db, storeId: string): Promise<void> {
  return announceChange(tx, experimentsTopic(storeId));
}
