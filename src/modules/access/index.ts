/** Public face of the access module: stores, users, roles, sessions, API keys and the audit log. */
export type { Actor } from './actor.ts';
export { systemActor } from './actor.ts';
export { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
export { type AuditEntry, auditEntriesOf, listAudit, recordAudit, recordAuditEntries } from './audit.ts';
export { accessTopic } from './change-topic.ts';
export * as customerData from './customer-data.ts';
export {
  type AuthContext,
  actorOf,
  type DeclaredRoute,
  registerAuth,
  type StoreContext,
  storeOf,
} from './http-auth.ts';
export { addMember, changeMemberRole, listMembers, removeMember } from './members.ts';
export { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
export {
  isRole,
  type Permission,
  permissions,
  type Role,
  roleGrants,
  rolePermissions,
  roles,
} from './permissions.ts';
export { authRoutes, storeAccessRoutes } from './routes.ts';
export {
  assertNotThrottled,
  clearFailedSignIns,
  login,
  purgeExpiredSessions,
  recordFailedSignIn,
} from './sessions.ts';
export {
  canonicalLocale,
  localeOfPathSegment,
  localePathSegment,
  localeTagSchema,
  storeLocales,
} from './store-locales.ts';
export { publicStore } from './store-view.ts';
export {
  countStores,
  createStore,
  findStore,
  findStoreByDomain,
  getStore,
  listAllStores,
  listStoresForUser,
  type Store,
} from './stores.ts';
export { randomToken, tokenDigest } from './tokens.ts';
export { createUser, findUserByEmail, findUserById, setUserPassword, type User } from './users.ts';
