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
import { marketingConsentHistory, setMarketingConsent } from './consent/marketing-consent.ts';
import { customerCsvRoutes } from './csv/csv-routes.ts';
import { getCustomer } from './customer.ts';
import { customerListQuery, customerPatchInput } from './customer-input.ts';
import { listCustomers } from './customer-list.ts';
import { updateCustomer } from './customer-profile.ts';
import { customerProfile } from './customer-profile-view.ts';
import { groupRoutes } from './groups/group-routes.ts';
import { segmentRoutes } from './segments/segment-routes.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const customerParams = storeParams.extend({ customerId: z.string().min(1).max(64) });
const addressParams = customerParams.extend({ addressId: z.string().min(1).max(64) });
const consentInput = z.object({ acceptsMarketing: z.boolean() }).strict();

/** Customers and their addresses under /api/admin/stores/:store/customers (docs/customers.md, "API"). */
export async function customerRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];
  await segmentRoutes(app, { db });
  await groupRoutes(app, { db });
  await customerCsvRoutes(app, { db });

  r.get(
    '/customers',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: 'Customers with their order figures, filtered and sorted; `q` searches e-mail and names',
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
      schema: {
        tags,
        summary: 'A customer: figures, addresses, groups, consent and its history, recent orders',
        params: customerParams,
      },
    },
    async (request) => customerProfile(db, storeOf(request).store.id, request.params.customerId),
  );

  r.get(
    '/customers/:customerId/marketing-consent',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: "The customer's consent log, newest first", params: customerParams },
    },
    async (request) => {
      const storeId = storeOf(request).store.id;
      const customer = await getCustomer(db, storeId, request.params.customerId);
      return {
        acceptsMarketing: customer.acceptsMarketing,
        items: await marketingConsentHistory(db, storeId, customer.id),
      };
    },
  );

  r.put(
    '/customers/:customerId/marketing-consent',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary:
          "Grant or withdraw e-mail marketing consent on the customer's word (logged with source admin)",
        params: customerParams,
        body: consentInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const customer = await db.transaction(async (tx) => {
        const current = await getCustomer(tx, store.id, request.params.customerId);
        await setMarketingConsent(tx, store.id, current, request.body.acceptsMarketing, {
          source: 'admin',
          actor,
        });
        return getCustomer(tx, store.id, current.id);
      });
      return { customer };
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
