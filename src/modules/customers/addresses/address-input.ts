import { z } from 'zod';
import { isCountryCode } from '../../../platform/countries/country-codes.ts';
import { addressRuleOf } from './address-rules.ts';

/** Why an address field was refused beyond "missing" or "too long": the storefront words each one. */
export type AddressProblem =
  | 'postal_code_required'
  | 'region_required'
  | 'region_unknown'
  | 'region_of_other_country'
  | 'country_unknown'
  | 'phone_invalid';

/** A phone number as people write it: digits, spaces and + ( ) - . / (no letters, no extensions). */
export const PHONE_PATTERN = /^[+0-9][0-9 ()./-]{2,39}$/;

const required = (max: number) => z.string().trim().min(1, 'Required.').max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** The fields of an address before the per-country rules (to build other schemas from). */
export const addressFields = z.object({
  firstName: required(100),
  lastName: required(100),
  company: optional(200),
  line1: required(200),
  line2: optional(200),
  city: required(100),
  region: optional(10),
  postalCode: optional(16),
  country: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase()),
  phone: optional(40),
});

type AddressFieldValues = z.output<typeof addressFields>;
type RuleFields = Pick<AddressFieldValues, 'country' | 'region' | 'postalCode' | 'phone'>;

const ruleFields: readonly string[] = ['country', 'region', 'postalCode', 'phone'];

/**
 * The country rules run whenever the fields they read were read, even if a name or the street is
 * missing, so a form shows every problem at once instead of one round at a time.
 */
export const whenRuleFieldsRead = {
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every((issue) => !ruleFields.includes(String(issue.path?.[0]))),
};

const problem = (ctx: z.RefinementCtx, path: string, reason: AddressProblem, message: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message, params: { reason } });

/** A given region as an ISO 3166-2 code: `US-CA` as it is, `ca` for the US as `US-CA`. */
function regionCode(country: string, given: string): string {
  const upper = given.toUpperCase();
  return upper.includes('-') ? upper : `${country}-${upper}`;
}

/** The per-country rules of `addressInput`, as a zod refinement (for schemas that add fields). */
export function checkAddressRules(address: RuleFields, ctx: z.RefinementCtx): void {
  const { country } = address;
  if (!isCountryCode(country)) {
    problem(ctx, 'country', 'country_unknown', 'Not an ISO 3166-1 alpha-2 country code, e.g. DE.');
    return;
  }
  const rule = addressRuleOf(country);
  if (!address.postalCode && rule.postalCode === 'required') {
    problem(ctx, 'postalCode', 'postal_code_required', `Addresses in ${country} need a postal code.`);
  }
  if (!address.region) {
    if (rule.regions)
      problem(ctx, 'region', 'region_required', `Addresses in ${country} need a region (state).`);
  } else {
    const code = regionCode(country, address.region);
    if (!code.startsWith(`${country}-`)) {
      problem(ctx, 'region', 'region_of_other_country', `${code} is not a region of ${country}.`);
    } else if (rule.regions ? !(code in rule.regions) : !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) {
      problem(ctx, 'region', 'region_unknown', `${code} is not an ISO 3166-2 region of ${country}.`);
    }
  }
  if (address.phone && !PHONE_PATTERN.test(address.phone)) {
    problem(ctx, 'phone', 'phone_invalid', 'Use digits, spaces and + ( ) - . / only.');
  }
}

/** An address that passed the rules, written one way: region as its full code, postal code tidied. */
export function normalizeAddress<T extends RuleFields>(address: T): T {
  return {
    ...address,
    region: address.region ? regionCode(address.country, address.region) : null,
    postalCode: address.postalCode ? address.postalCode.replace(/\s+/g, ' ').toUpperCase() : null,
  };
}

/**
 * A postal address as customers, checkout and orders keep it, checked for its country
 * (docs/customers.md, "Addresses"):
 * - `country`: ISO 3166-1 alpha-2 (upper case after trimming; `gb` is read as `GB`).
 * - `postalCode`: required where the country's postal service needs one (`address-rules.ts`); spaces
 *   tidied and letters upper-cased (`sw1a  1aa` → `SW1A 1AA`).
 * - `region`: required for countries with a list of regions (US, CA, AU, BR, MX, JP) and then one of
 *   them, as an ISO 3166-2 code (`US-CA`; the part after the hyphen alone, `CA`, is read as the
 *   country's); elsewhere optional, and when given it must have the form of a region of the country.
 * - names, `line1` and `city` are required; `company`, `line2` and `phone` optional (blank is none).
 */
export const addressInput = addressFields
  .strict()
  .superRefine(checkAddressRules, whenRuleFieldsRead)
  .transform(normalizeAddress);

export type AddressInput = z.input<typeof addressInput>;
/** A checked address: the shape customers, checkout and orders share. */
export type AddressFields = z.output<typeof addressInput>;
