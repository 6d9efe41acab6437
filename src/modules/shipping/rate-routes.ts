import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { createRateInput, updateRateInput } from './rate-input.ts';
import { createRate, deleteRate, getRate, listRates, updateRate } from './rates.ts';
import { getZone } from './zones.ts';

const zoneParams = z.object({ store: z.string().min(1).max(64), zoneId: z.string().min(1).max(64) });
const rateParams = zoneParams.extend({ rateId: z.string().min(1).max(64) });

/** A zone's rates under /api/admin/stores/:store/shipping/zones/:zoneId/rates; changes are audited. */
export async function shippingRateRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['shipping'];

  r.get(
    '/shipping/zones/:zoneId/rates',
    {
      config: { permission: 'pricing:read' },
      schema: { tags, summary: "A zone's rates by position", params: zoneParams },
    },
    async (request) => {
      const storeId = storeOf(request).store.id;
      const zone = await getZone(db, storeId, request.params.zoneId);
      return { items: await listRates(db, storeId, zone.id) };
    },
  );

  r.post(
    '/shipping/zones/:zoneId/rates',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Add a rate: flat, weight bands or subtotal bands, with amounts per currency',
        params: zoneParams,
        body: createRateInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const rate = await db.transaction((tx) =>
        createRate(tx, store.id, actor, request.params.zoneId, request.body),
      );
      return reply.status(201).send({ rate });
    },
  );

  r.get(
    '/shipping/zones/:zoneId/rates/:rateId',
    {
      config: { permission: 'pricing:read' },
      schema: { tags, summary: 'A shipping rate', params: rateParams },
    },
    async (request) => {
      const { zoneId, rateId } = request.params;
      return { rate: await getRate(db, storeOf(request).store.id, zoneId, rateId) };
    },
  );

  r.patch(
    '/shipping/zones/:zoneId/rates/:rateId',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: "Change a rate (prices replace the rate's prices and must fit its type)",
        params: rateParams,
        body: updateRateInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { zoneId, rateId } = request.params;
      const rate = await db.transaction((tx) =>
        updateRate(tx, store.id, actor, zoneId, rateId, request.body),
      );
      return { rate };
    },
  );

  r.delete(
    '/shipping/zones/:zoneId/rates/:rateId',
    {
      config: { permission: 'pricing:write' },
      schema: { tags, summary: 'Delete a rate', params: rateParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const { zoneId, rateId } = request.params;
      await db.transaction((tx) => deleteRate(tx, store.id, actor, zoneId, rateId));
      return reply.status(204).send();
    },
  );
}
