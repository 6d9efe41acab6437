import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { createZoneInput, updateZoneInput } from './zone-input.ts';
import { createZone, deleteZone, getZone, listZones, updateZone } from './zones.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const zoneParams = storeParams.extend({ zoneId: z.string().min(1).max(64) });

/** Shipping zones under /api/admin/stores/:store/shipping/zones; every change is audited. */
export async function shippingZoneRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['shipping'];

  r.get(
    '/shipping/zones',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'Shipping zones by name, with their countries and regions',
        params: storeParams,
      },
    },
    async (request) => ({ items: await listZones(db, storeOf(request).store.id) }),
  );

  r.post(
    '/shipping/zones',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Add a zone (409 destination_in_other_zone, zone_name_taken, rest_of_world_exists)',
        params: storeParams,
        body: createZoneInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const zone = await db.transaction((tx) => createZone(tx, store.id, actor, request.body));
      return reply.status(201).send({ zone });
    },
  );

  r.get(
    '/shipping/zones/:zoneId',
    {
      config: { permission: 'pricing:read' },
      schema: { tags, summary: 'A shipping zone', params: zoneParams },
    },
    async (request) => ({ zone: await getZone(db, storeOf(request).store.id, request.params.zoneId) }),
  );

  r.patch(
    '/shipping/zones/:zoneId',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: "Change a zone (countries replace the zone's list)",
        params: zoneParams,
        body: updateZoneInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const zone = await db.transaction((tx) =>
        updateZone(tx, store.id, actor, request.params.zoneId, request.body),
      );
      return { zone };
    },
  );

  r.delete(
    '/shipping/zones/:zoneId',
    {
      config: { permission: 'pricing:write' },
      schema: { tags, summary: 'Delete a zone and its rates', params: zoneParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deleteZone(tx, store.id, actor, request.params.zoneId));
      return reply.status(204).send();
    },
  );
}
