/**
 * Public face of the customers module (docs/customers.md): a store's customers, guests and
 * accounts alike, their storefront sign-in (sessions, password reset, activation) and their saved
 * addresses. Checkout calls `findOrCreateGuestCustomer` in the order's transaction and checks
 * addresses with `addressInput`; the storefront's account pages (src/storefront/account/) call the
 * rest.
 */
export type { AccountLinks, AccountMail, AccountMailTemplate } from './account-mail.ts';
export {
  type AddressChangeInput,
  addAddress,
  addressChangeInput,
  type CustomerAddress,
  getAddress,
  listAddresses,
  MAX_ADDRESSES_PER_CUSTOMER,
  type NewAddressInput,
  newAddressInput,
  removeAddress,
  updateAddress,
} from './addresses/address-book.ts';
export {
  type AddressFields,
  type AddressInput,
  type AddressProblem,
  addressFields,
  addressInput,
  checkAddressRules,
  normalizeAddress,
  whenRuleFieldsRead,
} from './addresses/address-input.ts';
export { addressRuleOf, type CountryAddressRule, countriesWithRegions } from './addresses/address-rules.ts';
export { type Customer, customerEmail, getCustomer } from './customer.ts';
export {
  CUSTOMER_CREATED_EVENT,
  CUSTOMER_PASSWORD_RESET_REQUESTED_EVENT,
  CUSTOMER_UPDATED_EVENT,
  type CustomerChangeBy,
  type CustomerEventPayload,
  type CustomerField,
} from './customer-change.ts';
export { type CustomerContact, customerContacts } from './customer-contacts.ts';
export {
  type CustomerListQuery,
  type CustomerPatchInput,
  customerPassword,
  type GuestCustomerInput,
  MIN_CUSTOMER_PASSWORD_LENGTH,
  type RegistrationInput,
} from './customer-input.ts';
export { listCustomers } from './customer-list.ts';
export { updateCustomer } from './customer-profile.ts';
export {
  CUSTOMER_SESSION_TTL_MS,
  type CustomerSessionGrant,
  customerOfSession,
  openCustomerSession,
  purgeExpiredCustomerSessions,
  signOutCustomer,
} from './customer-sessions.ts';
export { authenticateCustomer } from './customer-sign-in.ts';
export { peekCustomerToken, TOKEN_LIFETIME_MS } from './customer-tokens.ts';
export { findOrCreateGuestCustomer } from './guest-customers.ts';
export { requestPasswordReset, resetPassword } from './password-reset.ts';
export { isPreSessionFormToken, preSessionFormToken } from './pre-session-forms.ts';
export { activateCustomer, type RegistrationResult, registerCustomer } from './registration.ts';
export { customerRoutes } from './routes.ts';
export type { CustomerState } from './schema.ts';
export { customerStates } from './schema.ts';
