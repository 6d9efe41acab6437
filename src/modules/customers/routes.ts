import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import {
  addAddress,
  addressChangeInput,
  listAddresses,
  newAddressInput,
  removeAddress,
  updateAddress,
} from './addresses/address-book.ts';
import { getCustomer } from './customer.ts';
import { customerListQuery, customerPatchInput } from './customer-input.ts';
import { listCustomers } from './customer-list.ts';
import { updateCustomer } from './customer-profile.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const customerParams = storeParams.extend({ customerId: z.string().min(1).max(64) });
const addressParams = customerParams.extend({ addressId: z.string().min(1).max(64) });

/** Customers and their addresses under /api/admin/stores/:store/customers (docs/customers.md, "API"). */
export async function customerRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];

  r.get(
    '/customers',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: 'Customers, newest first; `q` searches e-mail and names',
        params: storeParams,
        querystring: customerListQuery,
      },
    },
    async (request) => listCustomers(db, storeOf(request).store.id, request.query),
  );

  r.get(
    '/customers/:customerId',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'A customer with their addresses', params: customerParams },
    },
    async (request) => {
      const storeId = storeOf(request).store.id;
      const customer = await getCustomer(db, storeId, request.params.customerId);
      return { customer, addresses: await listAddresses(db, storeId, customer.id) };
    },
  );

  r.patch(
    '/customers/:customerId',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: "Change a customer's names, phone, note or tags (tags replace the list)",
        params: customerParams,
        body: customerPatchInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const customer = await db.transaction((tx) =>
        updateCustomer(tx, store.id, request.params.customerId, request.body, { source: 'admin', actor }),
      );
      return { customer };
    },
  );

  r.get(
    '/customers/:customerId/addresses',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: "A customer's addresses, the default first", params: customerParams },
    },
    async (request) => {
      const storeId = storeOf(request).store.id;
      const customer = await getCustomer(db, storeId, request.params.customerId);
      return { items: await listAddresses(db, storeId, customer.id) };
    },
  );

  r.post(
    '/customers/:customerId/addresses',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Add an address (checked for its country: postal code, region)',
        params: customerParams,
        body: newAddressInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const address = await db.transaction((tx) =>
        addAddress(tx, store.id, request.params.customerId, request.body, { source: 'admin', actor }),
      );
      return reply.status(201).send({ address });
    },
  );

  r.patch(
    '/customers/:customerId/addresses/:addressId',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Change an address (checked as a whole), or make it the default with isDefault: true',
        params: addressParams,
        body: addressChangeInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { customerId, addressId } = request.params;
      const address = await db.transaction((tx) =>
        updateAddress(tx, store.id, customerId, addressId, request.body, { source: 'admin', actor }),
      );
      return { address };
    },
  );

  r.delete(
    '/customers/:customerId/addresses/:addressId',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Remove an address (the newest other becomes the default)',
        params: addressParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const { customerId, addressId } = request.params;
      await db.transaction((tx) =>
        removeAddress(tx, store.id, customerId, addressId, { source: 'admin', actor }),
      );
      return reply.status(204).send();
    },
  );
}
