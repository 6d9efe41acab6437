/**
 * Public face of the customers module (docs/customers.md): a store's customers, guests and
 * accounts alike, their storefront sign-in (sessions, password reset, activation) and their saved
 * addresses; their order figures, marketing consent (with its log), groups and rule-based
 * segments. Checkout calls `findOrCreateGuestCustomer` in the order's transaction, checks addresses
 * with `addressInput` and records the marketing checkbox with `recordMarketingConsent`; the
 * storefront's account pages (src/storefront/account/) call the sign-in functions; discounts and
 * newsletters read an audience with `customersInSegment` or `customersWithMarketingConsent`.
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
export { regionName, type TownParts, townLines } from './addresses/address-layout.ts';
export { addressRuleOf, type CountryAddressRule, countriesWithRegions } from './addresses/address-rules.ts';
export {
  type ConsentEvidence,
  CUSTOMER_MARKETING_CONSENT_CHANGED_EVENT,
  consentingCustomer,
  customersWithMarketingConsent,
  type MarketingConsentEntry,
  marketingConsentHistory,
  recordMarketingConsent,
  withdrawMarketingConsent,
} from './consent/marketing-consent.ts';
export {
  confirmNewsletterSignup,
  type NewsletterLinks,
  type NewsletterSignupInput,
  newsletterSignupInput,
  type RequestTraces,
  requestNewsletterSignup,
} from './consent/newsletter-signup.ts';
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
export * as customerData from './customer-data.ts';
export type { CustomerFigures } from './customer-facts.ts';
export {
  type CustomerListQuery,
  type CustomerPatchInput,
  customerPassword,
  type GuestCustomerInput,
  MIN_CUSTOMER_PASSWORD_LENGTH,
  type RegistrationInput,
} from './customer-input.ts';
export { type CustomerWithFigures, listCustomers } from './customer-list.ts';
export { updateCustomer } from './customer-profile.ts';
export { type CustomerProfile, customerProfile } from './customer-profile-view.ts';
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
export { type CustomerGroup, customersInGroup, listCustomerGroups } from './groups/customer-groups.ts';
export { findOrCreateGuestCustomer } from './guest-customers.ts';
export { requestPasswordReset, resetPassword } from './password-reset.ts';
export { isPreSessionFormToken, preSessionFormToken } from './pre-session-forms.ts';
export { activateCustomer, type RegistrationResult, registerCustomer } from './registration.ts';
export { customerRoutes } from './routes.ts';
export type { CustomerState, MarketingConsentSource } from './schema.ts';
export { customerStates, marketingConsentSources } from './schema.ts';
export {
  provideRfmMembership,
  type RfmMembershipSource,
} from './segments/rfm-membership.ts';
export {
  type SegmentCondition,
  type SegmentField,
  type SegmentMatch,
  segmentFields,
} from './segments/segment-conditions.ts';
export { customersInSegment, previewSegment } from './segments/segment-members.ts';
export {
  CUSTOMER_SEGMENT_CREATED_EVENT,
  CUSTOMER_SEGMENT_DELETED_EVENT,
  CUSTOMER_SEGMENT_UPDATED_EVENT,
  type CustomerSegment,
  getSegment,
  listSegments,
} from './segments/segments.ts';
