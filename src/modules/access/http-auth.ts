import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeFeed } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { forbidden, notFound, unauthenticated } from '../../platform/errors.ts';
import type { Actor } from './actor.ts';
import { resolveApiKey, touchApiKey } from './api-keys.ts';
import { isRole, type Permission, rolePermissions } from './permissions.ts';
import { PrincipalCache } from './request-principal.ts';
import { resolveSession } from './sessions.ts';
import type { Store } from './stores.ts';
import type { PublicUser } from './users.ts';

export const SESSION_COOKIE = 'sp_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * How a route is protected. Every route under /api/admin must say one of these; the server refuses
 * to start otherwise, so no route can ship unprotected by accident.
 * - `permission`: store-scoped (path has :store); the caller needs this permission in that store.
 * - `access: 'user'`: any signed-in person (session only, not API keys), e.g. listing one's stores.
 * - `access: 'public'`: no authentication (sign-in).
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    access?: 'public' | 'user';
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    store: StoreContext | null;
  }
  interface FastifyInstance {
    /** Every protected route and what it requires (for docs and the permission test). */
    declaredRoutes: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission?: Permission;
  access?: 'public' | 'user';
}

export interface AuthContext {
  actor: Actor;
  user: PublicUser | null;
  apiKey: { id: string; storeId: string; permissions: Permission[] } | null;
  /** Present for cookie sessions only. */
  sessionToken: string | null;
  csrfToken: string | null;
}

export interface StoreContext {
  store: Store;
  role: string | null;
  permissions: ReadonlySet<Permission>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  return scheme?.toLowerCase() === 'bearer' && value ? value.trim() : undefined;
}

function apiKeyAuth(key: {
  id: string;
  name: string;
  storeId: string;
  permissions: Permission[];
}): AuthContext {
  return {
    actor: { type: 'api_key', id: key.id, label: `API key “${key.name}”` },
    user: null,
    apiKey: { id: key.id, storeId: key.storeId, permissions: key.permissions },
    sessionToken: null,
    csrfToken: null,
  };
}

function sessionAuth(token: string, session: { csrfToken: string; user: PublicUser }): AuthContext {
  return {
    actor: { type: 'user', id: session.user.id, label: session.user.email },
    user: session.user,
    apiKey: null,
    sessionToken: token,
    csrfToken: session.csrfToken,
  };
}

interface Principal {
  auth: AuthContext | null;
  /** Set for store-scoped routes when the caller may enter the store (permissions still to check). */
  store?: StoreContext;
}

function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined;
}

/** Routes that are not store-scoped: just who is calling. */
async function authenticate(db: Db, request: FastifyRequest): Promise<Principal> {
  const bearer = bearerToken(request);
  if (bearer !== undefined) {
    const key = await resolveApiKey(db, bearer);
    if (!key) throw unauthenticated('The API key is not valid or was revoked.');
    touchApiKeyAtMostEveryMinute(db, key.id);
    return { auth: apiKeyAuth(key) };
  }
  const token = sessionToken(request);
  const session = token ? await resolveSession(db, token) : undefined;
  return { auth: session ? sessionAuth(token!, session) : null };
}

/**
 * Store-scoped routes: who is calling and what they are in the store, in one query. A store the caller
 * cannot enter answers exactly like a store that does not exist.
 */
async function authenticateInStore(
  db: Db,
  principals: PrincipalCache,
  request: FastifyRequest,
  storeRef: string,
): Promise<Principal> {
  const bearer = bearerToken(request);
  if (bearer !== undefined) {
    const key = await principals.apiKeyInStore(db, bearer, storeRef);
    if (!key) throw unauthenticated('The API key is not valid or was revoked.');
    touchApiKeyAtMostEveryMinute(db, key.id);
    const store = key.store
      ? { store: key.store, role: null, permissions: new Set(key.permissions) }
      : undefined;
    return { auth: apiKeyAuth(key), store };
  }
  const token = sessionToken(request);
  const session = token ? await principals.sessionInStore(db, token, storeRef) : undefined;
  if (!session) return { auth: null };
  const role = session.role;
  const store =
    session.store && role && isRole(role)
      ? { store: session.store, role, permissions: new Set(rolePermissions[role]) }
      : undefined;
  return { auth: sessionAuth(token!, session), store };
}

/** "Last used" of API keys is kept to the minute; remembering the last write spares a query per call. */
const lastTouched = new Map<string, number>();
function touchApiKeyAtMostEveryMinute(db: Db, keyId: string) {
  const now = Date.now();
  if (now - (lastTouched.get(keyId) ?? 0) < 60_000) return;
  if (lastTouched.size > 10_000) lastTouched.clear();
  lastTouched.set(keyId, now);
  void touchApiKey(db, keyId).catch(() => {});
}

export function registerAuth(app: FastifyInstance, db: Db, changes: ChangeFeed): void {
  const principals = new PrincipalCache(changes);
  app.decorateRequest('auth', null);
  app.decorateRequest('store', null);
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);

  app.addHook('onRoute', (route) => {
    const config = route.config as { permission?: Permission; access?: string } | undefined;
    if (!route.url.startsWith('/api/admin') && !route.url.startsWith('/api/auth')) return;
    if (!config?.permission && !config?.access) {
      throw new Error(
        `Route ${route.method} ${route.url} declares neither a permission nor an access level.`,
      );
    }
    if (config.permission && !route.url.includes(':store')) {
      throw new Error(`Route ${route.method} ${route.url} needs a :store parameter for its permission.`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        declared.push({
          method,
          url: route.url,
          permission: config.permission,
          access: config.access as DeclaredRoute['access'],
        });
    }
    route.schema ??= {};
    const schema = route.schema as { description?: string; 'x-permission'?: string };
    const needs = config.permission
      ? `Requires permission \`${config.permission}\` in the store.`
      : config.access === 'user'
        ? 'Requires a signed-in user (session).'
        : 'No authentication.';
    schema.description = schema.description ? `${schema.description}\n\n${needs}` : needs;
    if (config.permission) schema['x-permission'] = config.permission;
  });

  // preValidation: callers learn they may not do something before learning how to phrase it.
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const config = request.routeOptions.config;
    if (!config.permission && !config.access) return;
    const storeRef = config.permission ? (request.params as { store?: string }).store : undefined;
    const principal = storeRef
      ? await authenticateInStore(db, principals, request, storeRef)
      : await authenticate(db, request);
    request.auth = principal.auth;
    if (config.access === 'public') return;
    const auth = request.auth;
    if (!auth) throw unauthenticated();
    if (auth.sessionToken && !SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== auth.csrfToken) {
        throw forbidden('csrf_failed', 'Missing or wrong CSRF token: send the x-csrf-token header.');
      }
    }
    if (config.access === 'user') {
      if (!auth.user)
        throw forbidden('user_required', 'This action needs a signed-in person, not an API key.');
      return;
    }
    const context = principal.store;
    if (!context) throw notFound('Store');
    if (!context.permissions.has(config.permission!)) {
      throw forbidden('permission_denied', `This needs the ${config.permission} permission.`, {
        permission: config.permission,
      });
    }
    request.store = context;
  });
}

/** The authorised store of a store-scoped route (set by the preValidation hook). */
export function storeOf(request: FastifyRequest): StoreContext & { actor: Actor } {
  if (!request.store || !request.auth) throw new Error('storeOf() used on a route without a permission');
  return { ...request.store, actor: request.auth.actor };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new Error('actorOf() used on a public route');
  return request.auth.actor;
}
