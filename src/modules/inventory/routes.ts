import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { recordAudit, storeOf } from '../access/index.ts';
import { findStockVariants } from '../catalog/index.ts';
import { inventoryItemInput, updateInventoryItem } from './items.ts';
import { recordMovements } from './ledger/record-movements.ts';
import { variantLedger, variantStock } from './levels.ts';
import {
  createLocation,
  createLocationInput,
  listLocations,
  updateLocation,
  updateLocationInput,
} from './locations/locations.ts';
import { reserveStock, reserveStockInput } from './reservations/reserve-stock.ts';
import { commitReservation, releaseReservation } from './reservations/settle-reservation.ts';
import { adjustmentReasons } from './schema.ts';
import { getInventorySettings, inventorySettingsInput, updateInventorySettings } from './settings.ts';
import { listStock, stockListQuery } from './stock-list/stock-list.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const id = z.string().min(1).max(64);

export const adjustStockInput = z
  .object({
    items: z
      .array(
        z
          .object({
            variantId: id,
            locationId: id,
            /** Change of on hand, signed. */
            quantity: z
              .number()
              .int()
              .min(-1_000_000)
              .max(1_000_000)
              .refine((q) => q !== 0, 'Use a change other than 0.'),
            reason: z.enum(adjustmentReasons),
            note: z.string().trim().max(500).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

/**
 * Stock routes under /api/admin/stores/:store/inventory: locations, settings, a variant's stock and
 * ledger, adjustments and reservations. Every change is audited.
 */
export async function inventoryRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];

  r.get(
    '/inventory/locations',
    {
      config: { permission: 'inventory:read' },
      schema: { tags, summary: 'Locations in fulfilment order', params: storeParams },
    },
    async (request) => ({ items: await listLocations(db, storeOf(request).store.id) }),
  );

  r.post(
    '/inventory/locations',
    {
      config: { permission: 'inventory:write' },
      schema: { tags, summary: 'Add a location', params: storeParams, body: createLocationInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const location = await db.transaction(async (tx) => {
        const created = await createLocation(tx, store.id, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_location.created',
          entityType: 'inventory_location',
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return reply.status(201).send({ location });
    },
  );

  r.patch(
    '/inventory/locations/:locationId',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Change a location (name, kind, address, priority, active)',
        params: storeParams.extend({ locationId: id }),
        body: updateLocationInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const location = await db.transaction(async (tx) => {
        const { before, after } = await updateLocation(tx, store.id, request.params.locationId, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_location.updated',
          entityType: 'inventory_location',
          entityId: after.id,
          before,
          after,
        });
        return after;
      });
      return { location };
    },
  );

  r.get(
    '/inventory/settings',
    {
      config: { permission: 'inventory:read' },
      schema: { tags, summary: 'Inventory settings', params: storeParams },
    },
    async (request) => ({ settings: await getInventorySettings(db, storeOf(request).store.id) }),
  );

  r.patch(
    '/inventory/settings',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Change inventory settings',
        params: storeParams,
        body: inventorySettingsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const settings = await db.transaction(async (tx) => {
        const { before, after } = await updateInventorySettings(tx, store.id, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_settings.updated',
          entityType: 'inventory_settings',
          entityId: store.id,
          before,
          after,
        });
        return after;
      });
      return { settings };
    },
  );

  r.get(
    '/inventory/stock',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary:
          'The inventory table: tracked variants with on hand, reserved, available, incoming and state ' +
          '(of one location when `locationId` is given); filter by state (low, out, overstock) and ' +
          'title/SKU, sort by title, SKU or available',
        params: storeParams,
        querystring: stockListQuery,
      },
    },
    async (request) => listStock(db, storeOf(request).store, request.query),
  );

  r.get(
    '/inventory/variants/:variantId',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: "A variant's stock per location and its ledger, newest first",
        params: storeParams.extend({ variantId: id }),
        querystring: z.object({
          locationId: id.optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { variantId } = request.params;
      const variant = (await findStockVariants(db, store.id, [variantId])).get(variantId);
      if (!variant) throw notFound('Variant', { id: variantId });
      const stock = (await variantStock(db, store.id, [variantId])).get(variantId)!;
      const ledger = await variantLedger(db, store.id, variantId, request.query);
      return { variant, stock, ledger };
    },
  );

  r.patch(
    '/inventory/variants/:variantId',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Track stock of a variant, set its low-stock and overstock thresholds',
        params: storeParams.extend({ variantId: id }),
        body: inventoryItemInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { variantId } = request.params;
      await db.transaction(async (tx) => {
        const { before, after } = await updateInventoryItem(tx, store.id, variantId, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_item.updated',
          entityType: 'variant',
          entityId: variantId,
          before,
          after,
        });
      });
      return { stock: (await variantStock(db, store.id, [variantId])).get(variantId)! };
    },
  );

  r.post(
    '/inventory/adjustments',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Correct on-hand stock with a reason (damaged, lost, found, correction); all lines or none',
        params: storeParams,
        body: adjustStockInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const movements = await db.transaction(async (tx) => {
        const written = await recordMovements(
          tx,
          store.id,
          actor,
          request.body.items.map((item) => ({ ...item, kind: 'adjustment' as const })),
        );
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory.adjusted',
          entityType: 'inventory',
          entityId: store.id,
          after: { movements: written },
        });
        return written;
      });
      return reply.status(201).send({ movements });
    },
  );

  r.post(
    '/inventory/reservations',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Hold stock for items, all or none (409 out_of_stock when any line cannot be covered)',
        params: storeParams,
        body: reserveStockInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const reservation = await db.transaction(async (tx) => {
        const held = await reserveStock(tx, store.id, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_reservation.created',
          entityType: 'inventory_reservation',
          entityId: held.id,
          after: held,
        });
        return held;
      });
      return reply.status(201).send({ reservation });
    },
  );

  const reservationParams = storeParams.extend({ reservationId: id });

  r.post(
    '/inventory/reservations/:reservationId/commit',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Turn a reservation into sales (ledger movements referring to the order)',
        params: reservationParams,
        body: z
          .object({
            reference: z.object({ type: z.string().min(1).max(40), id: z.string().min(1).max(200) }).strict(),
          })
          .partial()
          .strict()
          .optional(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { reservationId } = request.params;
      return db.transaction(async (tx) => {
        const result = await commitReservation(tx, store.id, actor, reservationId, request.body?.reference);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_reservation.committed',
          entityType: 'inventory_reservation',
          entityId: reservationId,
          after: result,
        });
        return result;
      });
    },
  );

  r.post(
    '/inventory/reservations/:reservationId/release',
    {
      config: { permission: 'inventory:write' },
      schema: { tags, summary: "Give a reservation's stock back", params: reservationParams },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { reservationId } = request.params;
      const reservation = await db.transaction(async (tx) => {
        const released = await releaseReservation(tx, store.id, reservationId);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_reservation.released',
          entityType: 'inventory_reservation',
          entityId: reservationId,
          after: released,
        });
        return released;
      });
      return { reservation };
    },
  );
}
