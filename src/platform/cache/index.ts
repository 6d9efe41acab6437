/** In-process read caches kept true across instances by change notifications from the database. */
export {
  announceChange,
  type ChangeFeed,
  changeChannel,
  hasPendingChange,
  startChangeFeed,
} from './change-feed.ts';
export { attachConfigCache, cachedConfig, cachedConfigMany, configCacheStats } from './config-cache.ts';
export { ReadCache, type ReadCacheOptions } from './read-cache.ts';
