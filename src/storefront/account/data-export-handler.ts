import type { FastifyReply } from 'fastify';
import { systemActor } from '../../modules/access/index.ts';
import { exportCustomer } from '../../modules/privacy/index.ts';
import { accountPaths } from './account-paths.ts';
import {
  type AccountRouteContext,
  type AccountVisit,
  redirectAfterPost,
  sessionFormOk,
} from './account-visit.ts';

/** Who the privacy log and the audit name for a customer's own request. */
const customerSelf = systemActor('the customer, from their account page');

/**
 * "Download my data" on the account page (docs/privacy.md): a signed-in customer's own export,
 * answered as a JSON file to save (a plain form post; no script needed) and logged in the store's
 * privacy requests like staff's. A post without the session's form token shows the account again.
 */
export function dataExportHandler({ db }: AccountRouteContext) {
  return async function downloadMyData(visit: AccountVisit, body: unknown): Promise<FastifyReply> {
    if (!visit.signedIn) return redirectAfterPost(visit.reply, accountPaths.login(visit.site));
    if (!sessionFormOk(visit, body)) return redirectAfterPost(visit.reply, accountPaths.account(visit.site));
    const { request, document } = await exportCustomer(
      db,
      visit.store.id,
      customerSelf,
      visit.signedIn.customer.id,
      'customer',
    );
    return visit.reply
      .code(200)
      .type('application/json; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header(
        'content-disposition',
        `attachment; filename="my-data-${visit.store.handle}-${request.id}.json"`,
      )
      .send(JSON.stringify(document, null, 2));
  };
}
