import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type AccountParams,
  type AccountRouteContext,
  type AccountVisit,
  startVisit,
} from './account-visit.ts';
import { addressHandlers } from './address-handlers.ts';
import { dataExportHandler } from './data-export-handler.ts';
import { profileHandlers } from './profile-handlers.ts';
import { signInHandlers } from './sign-in-handlers.ts';

/** Form posts are small; anything larger is not one of these forms. */
const FORM_BODY_LIMIT = 32 * 1024;

type Handler = (visit: AccountVisit, request: FastifyRequest<{ Params: AccountParams }>) => Promise<unknown>;

/**
 * The customer account pages (docs/customers.md, "Storefront"), on a store's own domain and under
 * `/s/:store/`, in every locale the store serves. Server-rendered forms that work without script:
 * a post answers 303 to the page showing the result, or the form again with its problems (4xx).
 */
export async function accountRoutes(app: FastifyInstance, context: AccountRouteContext): Promise<void> {
  // Plain HTML forms post url-encoded bodies; this plugin alone reads them.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const signIn = signInHandlers(context);
  const profile = profileHandlers(context);
  const addresses = addressHandlers(context);
  const downloadMyData = dataExportHandler(context);
  const hidden = { schema: { hide: true } };

  const route =
    (handle: Handler) =>
    async (
      request: FastifyRequest<{ Params: AccountParams }>,
      reply: FastifyReply,
    ): Promise<FastifyReply> => {
      const visit = await startVisit(context, request, reply);
      if (visit) await handle(visit, request);
      return reply;
    };
  const token = (request: FastifyRequest<{ Params: AccountParams }>) => request.params.token ?? '';
  const addressId = (request: FastifyRequest<{ Params: AccountParams }>) => request.params.addressId ?? '';

  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    const at = `${prefix}/account`;
    app.get(
      at,
      hidden,
      route((v) => profile.profilePage(v)),
    );
    app.post(
      `${at}/profile`,
      hidden,
      route((v, r) => profile.saveDetails(v, r.body)),
    );
    app.post(
      `${at}/data-export`,
      hidden,
      route((v, r) => downloadMyData(v, r.body)),
    );
    app.post(
      `${at}/logout`,
      hidden,
      route((v, r) => profile.logout(v, r.body)),
    );
    app.get(
      `${at}/login`,
      hidden,
      route((v) => signIn.loginPage(v)),
    );
    app.post(
      `${at}/login`,
      hidden,
      route((v, r) => signIn.login(v, r.body)),
    );
    app.get(
      `${at}/register`,
      hidden,
      route((v) => signIn.registerPage(v)),
    );
    app.post(
      `${at}/register`,
      hidden,
      route((v, r) => signIn.register(v, r.body)),
    );
    app.get(
      `${at}/reset`,
      hidden,
      route((v) => signIn.resetRequestPage(v)),
    );
    app.post(
      `${at}/reset`,
      hidden,
      route((v, r) => signIn.requestReset(v, r.body)),
    );
    app.get(
      `${at}/reset/:token`,
      hidden,
      route((v, r) => signIn.choosePasswordPage(v, 'reset', token(r))),
    );
    app.post(
      `${at}/reset/:token`,
      hidden,
      route((v, r) => signIn.choosePassword(v, 'reset', token(r), r.body)),
    );
    app.get(
      `${at}/activate/:token`,
      hidden,
      route((v, r) => signIn.choosePasswordPage(v, 'activate', token(r))),
    );
    app.post(
      `${at}/activate/:token`,
      hidden,
      route((v, r) => signIn.choosePassword(v, 'activate', token(r), r.body)),
    );
    app.get(
      `${at}/addresses`,
      hidden,
      route((v) => addresses.listPage(v)),
    );
    app.post(
      `${at}/addresses`,
      hidden,
      route((v, r) => addresses.add(v, r.body)),
    );
    app.get(
      `${at}/addresses/new`,
      hidden,
      route((v) => addresses.newPage(v)),
    );
    app.get(
      `${at}/addresses/:addressId/edit`,
      hidden,
      route((v, r) => addresses.editPage(v, addressId(r))),
    );
    app.post(
      `${at}/addresses/:addressId`,
      hidden,
      route((v, r) => addresses.update(v, addressId(r), r.body)),
    );
    app.post(
      `${at}/addresses/:addressId/delete`,
      hidden,
      route((v, r) => addresses.remove(v, addressId(r), r.body)),
    );
    app.post(
      `${at}/addresses/:addressId/default`,
      hidden,
      route((v, r) => addresses.makeDefault(v, addressId(r), r.body)),
    );
  }
}
