import type { ZodError } from 'zod';
import { MIN_CUSTOMER_PASSWORD_LENGTH } from '../../modules/customers/index.ts';
import type { StorefrontMessages } from '../locales/messages/storefront-messages.ts';

/** What is wrong with a submitted form, in the page's language: one message per field, and the form's own. */
export interface FormProblems {
  form?: string;
  fields: Record<string, string>;
}

export const noProblems: FormProblems = { fields: {} };

/** The service's reasons (address rules) in the page's words. */
function reasonMessage(t: StorefrontMessages, reason: unknown): string | undefined {
  switch (reason) {
    case 'postal_code_required':
      return t.accountPostalCodeRequired;
    case 'region_required':
      return t.accountRegionRequired;
    case 'region_unknown':
    case 'region_of_other_country':
      return t.accountRegionUnknown;
    case 'country_unknown':
      return t.accountCountryUnknown;
    case 'phone_invalid':
      return t.accountPhoneInvalid;
    default:
      return undefined;
  }
}

/**
 * A validation error as the form shows it: each field's first problem, worded for shoppers (the
 * schemas' English messages are for the API). The form gets the general "check the fields" line.
 */
export function formProblemsOf(error: ZodError, t: StorefrontMessages): FormProblems {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || fields[field]) continue;
    const reason =
      issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
    fields[field] =
      reasonMessage(t, reason) ??
      (field === 'email'
        ? t.accountEmailInvalid
        : field === 'phone'
          ? t.accountPhoneInvalid
          : (field === 'password' || field === 'newPassword') && issue.code === 'too_small'
            ? t.accountPasswordTooShort(MIN_CUSTOMER_PASSWORD_LENGTH)
            : issue.code === 'too_small' || issue.code === 'invalid_type'
              ? t.accountFieldRequired
              : issue.code === 'too_big'
                ? t.accountFieldTooLong
                : t.accountFieldInvalid);
  }
  return { form: t.accountFormProblems, fields };
}
