import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import { ticketRow } from '../ticket-rows.ts';
import { addDefaultMacros } from './default-macros.ts';
import { macroInput, macroPreviewInput, macroRenderInput } from './macro-input.ts';
import { macroVariables } from './macro-variables.ts';
import { createMacro, deleteMacro, getMacro, listMacros, updateMacro } from './macros.ts';
import { renderMacroForTicket } from './render-macro.ts';
import { latestCustomerText, rankMacros } from './suggest-macros.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const macroParams = storeParams.extend({ macroId: z.string().min(1).max(64) });
const ticketParams = storeParams.extend({ ticketId: z.string().min(1).max(64) });
const ticketMacroParams = ticketParams.extend({ macroId: z.string().min(1).max(64) });

/**
 * Saved replies under /api/admin/stores/:store/support (docs/support.md, "Macros"): listed and
 * rendered for a ticket with support:read, changed with support:write (audited).
 */
export async function macroRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['support'];

  r.get(
    '/support/macros',
    {
      config: { permission: 'support:read' },
      schema: { tags, summary: 'The store’s macros, and the variables they may use', params: storeParams },
    },
    async (request) => ({
      items: await listMacros(db, storeOf(request).store.id),
      variables: Object.entries(macroVariables).map(([name, description]) => ({ name, description })),
    }),
  );

  r.post(
    '/support/macros',
    {
      config: { permission: 'support:write' },
      schema: {
        tags,
        summary: 'Save a macro (400 unknown_variable / invalid_macro, 409 macro_name_taken)',
        params: storeParams,
        body: macroInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      return reply.status(201).send({ macro: await createMacro(db, store.id, actor, request.body) });
    },
  );

  r.post(
    '/support/macros/defaults',
    {
      config: { permission: 'support:write' },
      schema: {
        tags,
        summary: 'Add the suggested macros whose names the store does not use yet',
        params: storeParams,
        body: z.object({}).strict().nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return { items: await addDefaultMacros(db, store.id, actor) };
    },
  );

  r.get(
    '/support/macros/:macroId',
    {
      config: { permission: 'support:read' },
      schema: { tags, summary: 'One macro', params: macroParams },
    },
    async (request) => ({ macro: await getMacro(db, storeOf(request).store.id, request.params.macroId) }),
  );

  r.put(
    '/support/macros/:macroId',
    {
      config: { permission: 'support:write' },
      schema: { tags, summary: 'Replace a macro', params: macroParams, body: macroInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return { macro: await updateMacro(db, store.id, actor, request.params.macroId, request.body) };
    },
  );

  r.delete(
    '/support/macros/:macroId',
    {
      config: { permission: 'support:write' },
      schema: { tags, summary: 'Delete a macro', params: macroParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await deleteMacro(db, store.id, actor, request.params.macroId);
      return reply.status(204).send();
    },
  );

  r.post(
    '/support/tickets/:ticketId/macros/:macroId/render',
    {
      config: { permission: 'support:read' },
      schema: {
        tags,
        summary: 'A macro’s answer for this ticket: { text, parts, missing, locale, actions }',
        params: ticketMacroParams,
        body: macroRenderInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const macro = await getMacro(db, store.id, request.params.macroId);
      return renderMacroForTicket(db, store, actor, request.params.ticketId, macro, {
        locale: request.body?.locale,
      });
    },
  );

  r.post(
    '/support/tickets/:ticketId/macro-preview',
    {
      config: { permission: 'support:read' },
      schema: {
        tags,
        summary: 'An unsaved macro text rendered for this ticket (the editor’s live preview)',
        params: ticketParams,
        body: macroPreviewInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { body, locale } = request.body;
      return renderMacroForTicket(
        db,
        store,
        actor,
        request.params.ticketId,
        { body, localeBodies: {}, actions: {} },
        { locale },
      );
    },
  );

  r.get(
    '/support/tickets/:ticketId/macro-suggestions',
    {
      config: { permission: 'support:read' },
      schema: {
        tags,
        summary: 'Macros whose keywords the customer’s latest message contains, best first',
        params: ticketParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const ticket = await ticketRow(db, store.id, request.params.ticketId);
      const [text, macros] = await Promise.all([latestCustomerText(db, ticket), listMacros(db, store.id)]);
      return { items: rankMacros(text, macros) };
    },
  );
}
