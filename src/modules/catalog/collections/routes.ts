import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChangeFeed } from '../../../platform/cache/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import { productSummaryView } from '../product-view.ts';
import {
  addMembersInput,
  collectionKinds,
  collectionSortOrders,
  createCollectionInput,
  rulePreviewInput,
  setMembersInput,
  updateCollectionInput,
} from './collection-input.ts';
import { collectionView } from './collection-view.ts';
import {
  addCollectionMembers,
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  removeCollectionMember,
  setCollectionMembers,
  updateCollection,
} from './collections.ts';
import { listCollectionProducts, previewRuleMatches } from './membership.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const collectionParams = storeParams.extend({ collectionId: z.string().min(1).max(64) });
const memberParams = collectionParams.extend({ productId: z.string().min(1).max(64) });
const pageQuery = {
  limit: z.coerce.number().int().min(1).max(250).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Collections, manual and rule-based, registered under /api/admin/stores/:store. */
export async function collectionRoutes(app: FastifyInstance, { db }: { db: Db; changes: ChangeFeed }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/collections',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'List collections, most recently changed first',
        params: storeParams,
        querystring: z.object({
          q: z.string().max(200).optional(),
          kind: z.enum(collectionKinds).optional(),
          ...pageQuery,
        }),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const found = await listCollections(db, store.id, request.query);
      return {
        items: found.items.map(({ collection, manualCount }) => ({
          ...collectionView(collection, store.handle),
          // Rule collections are counted when read (GET …/products gives the total).
          productCount: collection.kind === 'manual' ? manualCount : null,
        })),
        total: found.total,
      };
    },
  );

  r.post(
    '/collections',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Create a manual collection (optionally with its products) or a rule collection',
        params: storeParams,
        body: createCollectionInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const collection = await createCollection(db, actor, store.id, request.body);
      return reply.status(201).send({ collection: collectionView(collection, store.handle) });
    },
  );

  r.post(
    '/collections/preview',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'The products a set of rules would gather (rule builder preview; nothing is saved)',
        params: storeParams,
        body: rulePreviewInput,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { match, rules, sortOrder, limit } = request.body;
      const found = await previewRuleMatches(
        db,
        store.id,
        { match, conditions: rules },
        { sort: sortOrder, limit, offset: 0 },
      );
      return { items: found.items.map((p) => productSummaryView(p, store.handle)), total: found.total };
    },
  );

  r.get(
    '/collections/:collectionId',
    {
      config: { permission: 'catalog:read' },
      schema: { tags: ['catalog'], summary: 'Get a collection', params: collectionParams },
    },
    async (request) => {
      const { store } = storeOf(request);
      const collection = await getCollection(db, store.id, request.params.collectionId);
      return { collection: collectionView(collection, store.handle) };
    },
  );

  r.patch(
    '/collections/:collectionId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Change a collection (only the fields sent); a handle change leaves a redirect',
        params: collectionParams,
        body: updateCollectionInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const collection = await updateCollection(
        db,
        actor,
        store.id,
        request.params.collectionId,
        request.body,
      );
      return { collection: collectionView(collection, store.handle) };
    },
  );

  r.delete(
    '/collections/:collectionId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Delete a collection (its products stay)',
        params: collectionParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await deleteCollection(db, actor, store.id, request.params.collectionId);
      return reply.status(204).send();
    },
  );

  r.get(
    '/collections/:collectionId/products',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: "The collection's products in its sort order (or the one asked for)",
        params: collectionParams,
        querystring: z.object({ sort: z.enum(collectionSortOrders).optional(), ...pageQuery }),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const collection = await getCollection(db, store.id, request.params.collectionId);
      const { sort, limit, offset } = request.query;
      const found = await listCollectionProducts(db, collection, {
        sort: sort ?? (collection.sortOrder as (typeof collectionSortOrders)[number]),
        limit,
        offset,
      });
      return { items: found.items.map((p) => productSummaryView(p, store.handle)), total: found.total };
    },
  );

  r.put(
    '/collections/:collectionId/products',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Set the products of a manual collection, in order (adds, removes and reorders)',
        params: collectionParams,
        body: setMembersInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const ids = await setCollectionMembers(
        db,
        actor,
        store.id,
        request.params.collectionId,
        request.body.productIds,
      );
      return { productIds: ids };
    },
  );

  r.post(
    '/collections/:collectionId/products',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Add products to a manual collection (at the end, or at a position)',
        params: collectionParams,
        body: addMembersInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const added = await addCollectionMembers(
        db,
        actor,
        store.id,
        request.params.collectionId,
        request.body.productIds,
        request.body.position,
      );
      return { added };
    },
  );

  r.delete(
    '/collections/:collectionId/products/:productId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Take a product out of a manual collection',
        params: memberParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await removeCollectionMember(
        db,
        actor,
        store.id,
        request.params.collectionId,
        request.params.productId,
      );
      return reply.status(204).send();
    },
  );
}
