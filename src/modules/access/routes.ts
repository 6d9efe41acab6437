import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { listAudit } from './audit.ts';
import { actorOf, CSRF_HEADER, SESSION_COOKIE, storeOf } from './http-auth.ts';
import { addMember, changeMemberRole, findMembership, listMembers, removeMember } from './members.ts';
import { permissions, rolePermissions, roles } from './permissions.ts';
import { closeSession, login, SESSION_TTL_MS } from './sessions.ts';
import { publicStore } from './store-view.ts';
import { createStore, createStoreInput, listStoresForUser, updateStore, updateStoreInput } from './stores.ts';

export interface AccessRouteOptions {
  db: Db;
  secureCookies: boolean;
}

const storeParams = z.object({ store: z.string().min(1).max(64) });
const roleSchema = z.enum(roles);
const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Sign-in, sessions and the user's stores. */
export async function authRoutes(app: FastifyInstance, { db, secureCookies }: AccessRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: z.object({ email: z.string().max(254), password: z.string().min(1).max(256) }),
      },
    },
    async (request, reply) => {
      const grant = await login(db, { ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, grant.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return { user: grant.user, csrfToken: grant.csrfToken };
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: 'user' }, schema: { tags: ['auth'], summary: 'Sign out (ends the session)' } },
    async (request, reply) => {
      if (request.auth?.sessionToken) await closeSession(db, request.auth.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/auth/session',
    {
      config: { access: 'user' },
      schema: { tags: ['auth'], summary: 'The signed-in user, the CSRF token and the stores they can open' },
    },
    async (request) => {
      const auth = request.auth!;
      const rows = await listStoresForUser(db, auth.user!.id);
      return {
        user: auth.user,
        csrfToken: auth.csrfToken,
        csrfHeader: CSRF_HEADER,
        stores: rows.map(({ store, role }) => ({
          ...publicStore(store),
          role,
          permissions: rolePermissions[roleSchema.parse(role)],
        })),
      };
    },
  );

  r.get(
    '/api/admin/stores',
    {
      config: { access: 'user' },
      schema: { tags: ['stores'], summary: 'Stores the signed-in user belongs to' },
    },
    async (request) => {
      const rows = await listStoresForUser(db, request.auth!.user!.id);
      return { items: rows.map(({ store, role }) => ({ ...publicStore(store), role })) };
    },
  );

  r.post(
    '/api/admin/stores',
    {
      config: { access: 'user' },
      schema: {
        tags: ['stores'],
        summary: 'Create a store; the signed-in user becomes its owner',
        body: createStoreInput,
      },
    },
    async (request, reply) => {
      const store = await createStore(db, actorOf(request), request.body, request.auth!.user!.id);
      return reply.status(201).send({ store: publicStore(store) });
    },
  );
}

/** Store settings, team, roles, audit log and API keys; registered under /api/admin/stores/:store. */
export async function storeAccessRoutes(app: FastifyInstance, { db }: AccessRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/',
    {
      config: { permission: 'store:read' },
      schema: { tags: ['stores'], summary: 'Store settings and your role in it', params: storeParams },
    },
    async (request) => {
      const { store, role, permissions: granted } = storeOf(request);
      return { store: publicStore(store), role, permissions: [...granted] };
    },
  );

  r.patch(
    '/',
    {
      config: { permission: 'store:write' },
      schema: {
        tags: ['stores'],
        summary: 'Change store settings',
        params: storeParams,
        body: updateStoreInput.strict(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return { store: publicStore(await updateStore(db, actor, store.id, request.body)) };
    },
  );

  r.get(
    '/roles',
    {
      config: { permission: 'store:read' },
      schema: { tags: ['team'], summary: 'Roles and what each may do', params: storeParams },
    },
    async () => ({
      roles: roles.map((role) => ({ role, permissions: rolePermissions[role] })),
      permissions,
    }),
  );

  r.get(
    '/members',
    {
      config: { permission: 'team:read' },
      schema: { tags: ['team'], summary: 'Team members and their roles', params: storeParams },
    },
    async (request) => ({ items: await listMembers(db, storeOf(request).store.id) }),
  );

  r.post(
    '/members',
    {
      config: { permission: 'team:write' },
      schema: {
        tags: ['team'],
        summary: 'Add a person to the team (creates their account when the e-mail is new)',
        params: storeParams,
        body: z
          .object({
            email: z.string().max(254),
            role: roleSchema,
            name: z.string().trim().max(120).optional(),
            password: z.string().max(256).optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { store, actor, role } = storeOf(request);
      assertCanAssign(role, request.body.role);
      const member = await addMember(db, actor, store.id, request.body);
      return reply.status(201).send({ member });
    },
  );

  r.patch(
    '/members/:userId',
    {
      config: { permission: 'team:write' },
      schema: {
        tags: ['team'],
        summary: "Change a member's role",
        params: storeParams.extend({ userId: z.string().max(64) }),
        body: z.object({ role: roleSchema }).strict(),
      },
    },
    async (request) => {
      const { store, actor, role } = storeOf(request);
      assertCanAssign(role, request.body.role);
      await assertCanManage(db, store.id, role, request.params.userId);
      return {
        member: await changeMemberRole(db, actor, store.id, request.params.userId, request.body.role),
      };
    },
  );

  r.delete(
    '/members/:userId',
    {
      config: { permission: 'team:write' },
      schema: {
        tags: ['team'],
        summary: 'Remove a member from the team',
        params: storeParams.extend({ userId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const { store, actor, role } = storeOf(request);
      await assertCanManage(db, store.id, role, request.params.userId);
      await removeMember(db, actor, store.id, request.params.userId);
      return reply.status(204).send();
    },
  );

  r.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log: who changed what, with before and after',
        params: storeParams,
        querystring: z.object({
          ...pageQuery,
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
        }),
      },
    },
    async (request) => listAudit(db, storeOf(request).store.id, request.query),
  );

  r.get(
    '/api-keys',
    {
      config: { permission: 'apikeys:read' },
      schema: { tags: ['api keys'], summary: 'API keys of this store', params: storeParams },
    },
    async (request) => ({ items: await listApiKeys(db, storeOf(request).store.id) }),
  );

  r.post(
    '/api-keys',
    {
      config: { permission: 'apikeys:write' },
      schema: {
        tags: ['api keys'],
        summary: 'Create an API key (the key is returned once)',
        params: storeParams,
        body: z
          .object({
            name: z.string().trim().min(1).max(80),
            permissions: z.array(z.string().max(64)).max(64),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { store, actor, permissions: granted } = storeOf(request);
      const created = await createApiKey(db, actor, store.id, request.body, granted);
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/api-keys/:keyId',
    {
      config: { permission: 'apikeys:write' },
      schema: {
        tags: ['api keys'],
        summary: 'Revoke an API key',
        params: storeParams.extend({ keyId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await revokeApiKey(db, actor, store.id, request.params.keyId);
      return reply.status(204).send();
    },
  );
}

/** Only owners may change or remove an owner. */
async function assertCanManage(db: Db, storeId: string, actingRole: string | null, userId: string) {
  const target = await findMembership(db, storeId, userId);
  if (target?.role === 'owner' && actingRole !== 'owner') {
    throw forbidden('owner_required', 'Only an owner can change or remove an owner.');
  }
}

/** Only owners may make (or unmake) owners; API keys manage no team. */
function assertCanAssign(actingRole: string | null, targetRole: string) {
  if (targetRole === 'owner' && actingRole !== 'owner') {
    throw forbidden('owner_required', 'Only an owner can make someone an owner.');
  }
}
