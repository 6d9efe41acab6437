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

/** The admin's customer list: a search over e-mail and names, a state, and a page. */
export const customerListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  state: z.enum(['guest', 'invited', 'enabled', 'disabled']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CustomerListQuery = z.input<typeof customerListQuery>;
