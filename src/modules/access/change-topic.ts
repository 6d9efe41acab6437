import { announceChange } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * Sessions, users, memberships, API keys and stores decide who may do what, and request
 * authentication caches them per instance: every change to them announces this topic in its
 * transaction. They change rarely, so one topic for all of them costs nothing.
 */
export const accessTopic = 'access';

export function announceAccessChange(tx: Db): Promise<void> {
  return announceChange(tx, accessTopic);
}
