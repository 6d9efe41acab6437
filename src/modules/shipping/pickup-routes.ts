import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { createPickupInput, updatePickupInput } from './pickup-input.ts';
import {
  createPickupOption,
  deletePickupOption,
  getPickupOption,
  listPickupOptions,
  updatePickupOption,
} from './pickup-options.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const pickupParams = storeParams.extend({ pickupOptionId: z.string().min(1).max(64) });

/** Pick-up options under /api/admin/stores/:store/shipping/pickup-options; changes are audited. */
export async function shippingPickupRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['shipping'];

  r.get(
    '/shipping/pickup-options',
    {
      config: { permission: 'pricing:read' },
      schema: { tags, summary: 'Pick-up options by name', params: storeParams },
    },
    async (request) => ({ items: await listPickupOptions(db, storeOf(request).store.id) }),
  );

  r.post(
    '/shipping/pickup-options',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary:
          'Offer pick-up at a location (422 unknown_location / location_inactive; 409 pickup_location_taken)',
        params: storeParams,
        body: createPickupInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const pickupOption = await db.transaction((tx) =>
        createPickupOption(tx, store.id, actor, request.body),
      );
      return reply.status(201).send({ pickupOption });
    },
  );

  r.get(
    '/shipping/pickup-options/:pickupOptionId',
    {
      config: { permission: 'pricing:read' },
      schema: { tags, summary: 'A pick-up option', params: pickupParams },
    },
    async (request) => ({
      pickupOption: await getPickupOption(db, storeOf(request).store.id, request.params.pickupOptionId),
    }),
  );

  r.patch(
    '/shipping/pickup-options/:pickupOptionId',
    {
      config: { permission: 'pricing:write' },
      schema: { tags, summary: 'Change a pick-up option', params: pickupParams, body: updatePickupInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const pickupOption = await db.transaction((tx) =>
        updatePickupOption(tx, store.id, actor, request.params.pickupOptionId, request.body),
      );
      return { pickupOption };
    },
  );

  r.delete(
    '/shipping/pickup-options/:pickupOptionId',
    {
      config: { permission: 'pricing:write' },
      schema: { tags, summary: 'Stop offering a pick-up option', params: pickupParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deletePickupOption(tx, store.id, actor, request.params.pickupOptionId));
      return reply.status(204).send();
    },
  );
}
