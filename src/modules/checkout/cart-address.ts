import { type AddressFields, type AddressInput, addressInput } from '../customers/index.ts';

/**
 * A cart's address is the address customers, checkout and orders share: the customers module's
 * `addressInput`, checked for its country (postal code where the country needs one, a listed
 * ISO 3166-2 region for US, CA, AU, BR, MX, JP; docs/customers.md, "Addresses"). One set of rules,
 * so an address saved in an account is always one a cart takes.
 */
export type CartAddress = AddressFields;
export type CartAddressInput = AddressInput;
export const cartAddressInput = addressInput;
