import type { FastifyReply } from 'fastify';
import { h } from 'preact';
import { ZodError } from 'zod';
import { listAddresses, signOutCustomer, updateCustomer } from '../../modules/customers/index.ts';
import { getOrderSettings, listOrders } from '../../modules/orders/index.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { OrderHistory } from '../orders/order-history.tsx';
import { clearCustomerCookie } from './account-cookies.ts';
import { accountPaths, noticeOf, withNotice } from './account-paths.ts';
import {
  type AccountRouteContext,
  type AccountVisit,
  formField,
  redirectAfterPost,
  sendAccountHtml,
  sessionFormOk,
} from './account-visit.ts';
import { type FormProblems, formProblemsOf, noProblems } from './form-problems.ts';
import { type ProfileView, renderProfilePage } from './profile-page.tsx';

type SignedInVisit = AccountVisit & { signedIn: NonNullable<AccountVisit['signedIn']> };

/** /account (the profile), its details form and signing out: pages of a signed-in customer. */
export function profileHandlers({ db }: AccountRouteContext) {
  async function showProfile(
    visit: SignedInVisit,
    status: number,
    problems: FormProblems,
    values?: ProfileView['values'],
  ): Promise<FastifyReply> {
    const { customer, csrfToken } = visit.signedIn;
    const [addresses, orders, orderSettings] = await Promise.all([
      listAddresses(db, visit.store.id, customer.id),
      listOrders(db, visit.store.id, { customerId: customer.id, limit: 20 }),
      getOrderSettings(db, visit.store.id),
    ]);
    const body = renderProfilePage(visit.site, {
      customer,
      csrfToken,
      defaultAddress: addresses.find((a) => a.isDefault),
      problems,
      notice: status === 200 ? noticeOf(visit.request.query) : undefined,
      ...(values ? { values } : {}),
      orders: h(OrderHistory, {
        site: visit.site,
        orders: orders.items,
        numberPrefix: orderSettings.numberPrefix,
      }),
    });
    return sendAccountHtml(visit.reply, status, body);
  }

  const formExpired = (visit: AccountVisit): FormProblems => ({
    form: messagesFor(visit.site.locale).accountFormExpired,
    fields: {},
  });

  return {
    async profilePage(visit: AccountVisit): Promise<FastifyReply> {
      if (!visit.signedIn) return redirectAfterPost(visit.reply, accountPaths.login(visit.site));
      return showProfile(visit as SignedInVisit, 200, noProblems);
    },

    async saveDetails(visit: AccountVisit, body: unknown): Promise<FastifyReply> {
      if (!visit.signedIn) return redirectAfterPost(visit.reply, accountPaths.login(visit.site));
      const signedIn = visit as SignedInVisit;
      const values = {
        firstName: formField(body, 'firstName'),
        lastName: formField(body, 'lastName'),
        phone: formField(body, 'phone'),
      };
      if (!sessionFormOk(visit, body)) return showProfile(signedIn, 403, formExpired(visit), values);
      try {
        await db.transaction((tx) =>
          updateCustomer(tx, visit.store.id, signedIn.signedIn.customer.id, values, { source: 'storefront' }),
        );
      } catch (err) {
        if (!(err instanceof ZodError)) throw err;
        return showProfile(signedIn, 422, formProblemsOf(err, messagesFor(visit.site.locale)), values);
      }
      return redirectAfterPost(visit.reply, withNotice(accountPaths.account(visit.site), 'details'));
    },

    async logout(visit: AccountVisit, body: unknown): Promise<FastifyReply> {
      // A cross-site form cannot sign anyone out: without the session's token the account shows again.
      if (visit.signedIn && !sessionFormOk(visit, body)) {
        return showProfile(visit as SignedInVisit, 403, formExpired(visit));
      }
      if (visit.sessionToken) await signOutCustomer(db, visit.store.id, visit.sessionToken);
      clearCustomerCookie(visit.reply, visit.scope);
      return redirectAfterPost(visit.reply, withNotice(accountPaths.login(visit.site), 'signed-out'));
    },
  };
}
