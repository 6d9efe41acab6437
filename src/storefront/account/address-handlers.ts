import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import {
  addAddress,
  type CustomerAddress,
  getAddress,
  listAddresses,
  MAX_ADDRESSES_PER_CUSTOMER,
  removeAddress,
  updateAddress,
} from '../../modules/customers/index.ts';
import { AppError } from '../../platform/errors.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { accountPaths, noticeOf, withNotice } from './account-paths.ts';
import {
  type AccountRouteContext,
  type AccountVisit,
  formField,
  redirectAfterPost,
  sendAccountHtml,
  sendNotFound,
  sessionFormOk,
} from './account-visit.ts';
import { type AddressFormValues, renderAddressFormPage, renderAddressListPage } from './address-pages.tsx';
import { type FormProblems, formProblemsOf, noProblems } from './form-problems.ts';

type SignedInVisit = AccountVisit & { signedIn: NonNullable<AccountVisit['signedIn']> };

const ADDRESS_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
  'phone',
] as const;

/** A posted address form as the service takes it (blank optional fields are none). */
function postedAddress(body: unknown) {
  const fields = Object.fromEntries(ADDRESS_FIELDS.map((name) => [name, formField(body, name)])) as Record<
    (typeof ADDRESS_FIELDS)[number],
    string
  >;
  return { ...fields, ...(formField(body, 'isDefault') === 'on' ? { isDefault: true as const } : {}) };
}

/** The country a new address starts with: the page's region (`en-US`), else the default address's. */
function startingCountry(locale: string, addresses: CustomerAddress[]): string {
  try {
    const region = new Intl.Locale(locale).region;
    if (region && /^[A-Z]{2}$/.test(region)) return region;
  } catch {
    // Not a locale Intl reads: no guess.
  }
  return addresses.find((a) => a.isDefault)?.country ?? '';
}

/** /account/addresses and its forms: list, add, edit, delete, make default. */
export function addressHandlers({ db }: AccountRouteContext) {
  function guard(visit: AccountVisit): SignedInVisit | undefined {
    if (!visit.signedIn) {
      redirectAfterPost(visit.reply, accountPaths.login(visit.site));
      return undefined;
    }
    return visit as SignedInVisit;
  }

  const formExpired = (visit: AccountVisit): FormProblems => ({
    form: messagesFor(visit.site.locale).accountFormExpired,
    fields: {},
  });

  async function showList(visit: SignedInVisit, status: number, problems?: FormProblems) {
    const addresses = await listAddresses(db, visit.store.id, visit.signedIn.customer.id);
    const body = renderAddressListPage(visit.site, {
      addresses,
      csrfToken: visit.signedIn.csrfToken,
      notice: status === 200 ? noticeOf(visit.request.query) : undefined,
      ...(problems ? { problems } : {}),
    });
    return sendAccountHtml(visit.reply, status, body);
  }

  function showForm(
    visit: SignedInVisit,
    status: number,
    view: { addressId?: string; values: AddressFormValues; problems: FormProblems; isDefault?: boolean },
  ) {
    const body = renderAddressFormPage(visit.site, { ...view, csrfToken: visit.signedIn.csrfToken });
    return sendAccountHtml(visit.reply, status, body);
  }

  /** The answer to a refused address: the form again with the problems, or 404 for someone else's. */
  function refused(
    visit: SignedInVisit,
    err: unknown,
    view: { addressId?: string; values: AddressFormValues },
  ) {
    const t = messagesFor(visit.site.locale);
    if (err instanceof ZodError) return showForm(visit, 422, { ...view, problems: formProblemsOf(err, t) });
    if (err instanceof AppError && err.code === 'address_limit_reached') {
      const problems = { form: t.accountAddressLimit(MAX_ADDRESSES_PER_CUSTOMER), fields: {} };
      return showForm(visit, 422, { ...view, problems });
    }
    if (err instanceof AppError && err.status === 404) return sendNotFound(visit);
    throw err;
  }

  return {
    async listPage(visit: AccountVisit): Promise<FastifyReply | undefined> {
      const signedIn = guard(visit);
      return signedIn && showList(signedIn, 200);
    },

    async newPage(visit: AccountVisit): Promise<FastifyReply | undefined> {
      const signedIn = guard(visit);
      if (!signedIn) return undefined;
      const addresses = await listAddresses(db, visit.store.id, signedIn.signedIn.customer.id);
      const customer = signedIn.signedIn.customer;
      return showForm(signedIn, 200, {
        values: {
          firstName: customer.firstName,
          lastName: customer.lastName,
          country: startingCountry(visit.site.locale, addresses),
        },
        problems: noProblems,
      });
    },

    async add(visit: AccountVisit, body: unknown): Promise<FastifyReply | undefined> {
      const signedIn = guard(visit);
      if (!signedIn) return undefined;
      const values = postedAddress(body);
      if (!sessionFormOk(visit, body))
        return showForm(signedIn, 403, { values, problems: formExpired(visit) });
      try {
        await db.transaction((tx) =>
          addAddress(tx, visit.store.id, signedIn.signedIn.customer.id, values, { source: 'storefront' }),
        );
      } catch (err) {
        return refused(signedIn, err, { values });
      }
      return redirectAfterPost(visit.reply, withNotice(accountPaths.addresses(visit.site), 'address-saved'));
    },

    async editPage(visit: AccountVisit, addressId: string): Promise<FastifyReply | undefined> {
      const signedIn = guard(visit);
      if (!signedIn) return undefined;
      let address: CustomerAddress;
      try {
        address = await getAddress(db, visit.store.id, signedIn.signedIn.customer.id, addressId);
      } catch (err) {
        return refused(signedIn, err, { values: {} });
      }
      return showForm(signedIn, 200, {
        addressId,
        values: { ...address, isDefault: address.isDefault },
        problems: noProblems,
        isDefault: address.isDefault,
      });
    },

    async update(visit: AccountVisit, addressId: string, body: unknown): Promise<FastifyReply | undefined> {
      const signedIn = guard(visit);
      if (!signedIn) return undefined;
      const values = postedAddress(body);
      const view = { addressId, values };
      if (!sessionFormOk(visit, body))
        return showForm(signedIn, 403, { ...view, problems: formExpired(visit) });
      try {
        await db.transaction((tx) =>
          updateAddress(tx, visit.store.id, signedIn.signedIn.customer.id, addressId, values, {
            source: 'storefront',
          }),
        );
      } catch (err) {
        return refused(signedIn, err, view);
      }
      return redirectAfterPost(visit.reply, withNotice(accountPaths.addresses(visit.site), 'address-saved'));
    },

    async remove(visit: AccountVisit, addressId: string, body: unknown): Promise<FastifyReply | undefined> {
      const signedIn = guard(visit);
      if (!signedIn) return undefined;
      if (!sessionFormOk(visit, body)) return showList(signedIn, 403, formExpired(visit));
      try {
        await db.transaction((tx) =>
          removeAddress(tx, visit.store.id, signedIn.signedIn.customer.id, addressId, {
            source: 'storefront',
          }),
        );
      } catch (err) {
        return refused(signedIn, err, { values: {} });
      }
      return redirectAfterPost(
        visit.reply,
        withNotice(accountPaths.addresses(visit.site), 'address-deleted'),
      );
    },

    async makeDefault(
      visit: AccountVisit,
      addressId: string,
      body: unknown,
    ): Promise<FastifyReply | undefined> {
      const signedIn = guard(visit);
      if (!signedIn) return undefined;
      if (!sessionFormOk(visit, body)) return showList(signedIn, 403, formExpired(visit));
      try {
        await db.transaction((tx) =>
          updateAddress(
            tx,
            visit.store.id,
            signedIn.signedIn.customer.id,
            addressId,
            { isDefault: true },
            {
              source: 'storefront',
            },
          ),
        );
      } catch (err) {
        return refused(signedIn, err, { values: {} });
      }
      return redirectAfterPost(visit.reply, withNotice(accountPaths.addresses(visit.site), 'address-saved'));
    },
  };
}
