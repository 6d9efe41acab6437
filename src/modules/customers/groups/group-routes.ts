import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import {
  addGroupMembers,
  createCustomerGroup,
  customerGroupInput,
  deleteCustomerGroup,
  groupMembersInput,
  listCustomerGroups,
  removeGroupMembers,
  renameCustomerGroup,
} from './customer-groups.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const groupParams = storeParams.extend({ groupId: z.string().min(1).max(64) });

/** Customer groups under /api/admin/stores/:store/customer-groups (docs/customers.md, "Groups"). */
export async function groupRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];

  r.get(
    '/customer-groups',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'Groups with their sizes', params: storeParams },
    },
    async (request) => ({ items: await listCustomerGroups(db, storeOf(request).store.id) }),
  );

  r.post(
    '/customer-groups',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Create a group', params: storeParams, body: customerGroupInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      return reply.status(201).send({ group: await createCustomerGroup(db, store.id, actor, request.body) });
    },
  );

  r.patch(
    '/customer-groups/:groupId',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Rename a group', params: groupParams, body: customerGroupInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return { group: await renameCustomerGroup(db, store.id, actor, request.params.groupId, request.body) };
    },
  );

  r.delete(
    '/customer-groups/:groupId',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Delete a group (refused while a segment names it)', params: groupParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await deleteCustomerGroup(db, store.id, actor, request.params.groupId);
      return reply.status(204).send();
    },
  );

  r.post(
    '/customer-groups/:groupId/members',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Add customers to a group', params: groupParams, body: groupMembersInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return addGroupMembers(db, store.id, actor, request.params.groupId, request.body);
    },
  );

  r.post(
    '/customer-groups/:groupId/members/remove',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Take customers out of a group',
        params: groupParams,
        body: groupMembersInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return removeGroupMembers(db, store.id, actor, request.params.groupId, request.body);
    },
  );
}
