import { z } from 'zod';
import { localeTagSchema } from '../access/index.ts';
import { PHONE_PATTERN } from './addresses/address-input.ts';
import { customerEmail, optionalText } from './customer.ts';

/** Customers' passwords: at least 8 characters (NIST SP 800-63B's floor), at most 256. */
export const MIN_CUSTOMER_PASSWORD_LENGTH = 8;
export const customerPassword = z
  .string()
  .min(MIN_CUSTOMER_PASSWORD_LENGTH, `Use at least ${MIN_CUSTOMER_PASSWORD_LENGTH} characters.`)
  .max(256, 'Use at most 256 characters.');

const phone = optionalText(40).refine(
  (p) => p === null || PHONE_PATTERN.test(p),
  'Use digits, spaces and + ( ) - . / only.',
);

/** Signing up on the storefront: no password, which is chosen on the activation link's page. */
export const registrationInput = z
  .object({
    email: customerEmail,
    firstName: optionalText(100),
    lastName: optionalText(100),
    /** The storefront's locale, for the e-mails the customer gets. */
    locale: localeTagSchema.nullish(),
  })
  .strict();
export type RegistrationInput = z.input<typeof registrationInput>;

/** What checkout knows of the customer an order belongs to. */
export const guestCustomerInput = z.object({
  email: customerEmail,
  firstName: optionalText(100),
  lastName: optionalText(100),
  phone,
  locale: localeTagSchema.nullish(),
});
export type GuestCustomerInput = z.input<typeof guestCustomerInput>;

const tag = z.string().trim().min(1).max(64);

/** A change to a customer's profile; the storefront lets customers change names and phone only. */
export const customerPatchInput = z
  .object({
    firstName: optionalText(100),
    lastName: optionalText(100),
    phone,
    note: optionalText(5000),
    /** Replaces the list; kept once each, in the given order. */
    tags: z
      .array(tag)
      .max(50)
      .transform((tags) => [...new Set(tags)]),
  })
  .partial()
  .strict();
export type CustomerPatchInput = z.input<typeof customerPatchInput>;

const day = z.iso.date('Send a day as YYYY-MM-DD.');
const amount = z.coerce.number().int().min(0).max(1_000_000_000_000);
export const customerListSorts = [
  'newest',
  'oldest',
  'total_spent_desc',
  'total_spent_asc',
  'orders_desc',
  'orders_asc',
  'last_order_desc',
  'last_order_asc',
] as const;

/**
 * The admin's customer list: a search over e-mail and names, filters (state, tag, marketing
 * consent, default address's country, group, segment, amount spent, number of orders, last order's
 * day) and a sort by any figure, and a page.
 */
export const customerListQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    state: z.enum(['guest', 'invited', 'enabled', 'disabled']).optional(),
    tag: z.string().trim().min(1).max(64).optional(),
    acceptsMarketing: z.enum(['true', 'false']).optional(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code.')
      .transform((c) => c.toUpperCase())
      .optional(),
    groupId: z.string().trim().min(1).max(64).optional(),
    segmentId: z.string().trim().min(1).max(64).optional(),
    /** Minor units of the store's base currency. */
    totalSpentMin: amount.optional(),
    totalSpentMax: amount.optional(),
    ordersMin: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
    ordersMax: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
    /** Last order on or after this UTC day … */
    lastOrderFrom: day.optional(),
    /** … and on or before this one. */
    lastOrderTo: day.optional(),
    sort: z.enum(customerListSorts).default('newest'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type CustomerListQuery = z.input<typeof customerListQuery>;
