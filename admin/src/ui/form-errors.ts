import { ApiError } from '../api/http.ts';

export interface FormErrors<Field extends string> {
  /** Messages shown on the fields they are about. */
  fields: Partial<Record<Field, string>>;
  /** What is about no field of the form (shown above the buttons). */
  general: string | null;
}

/**
 * Puts a server error on the fields it names. Validation problems name their field by path
 * (`items.0.quantity`); other errors may name one in `details.path` (`insufficient_stock` on
 * `items.0.quantity`, `location_name_taken` on `name`). A path's last part is looked up in
 * `fieldFor` (`quantity` → the quantity input, `country` of `address.country` → the country
 * input); what no field takes is the general message.
 */
export function formErrorsFrom<Field extends string>(
  error: unknown,
  fieldFor: Readonly<Record<string, Field>>,
): FormErrors<Field> {
  const fields: Partial<Record<Field, string>> = {};
  if (!error) return { fields, general: null };
  if (!(error instanceof ApiError)) {
    return { fields, general: error instanceof Error ? error.message : String(error) };
  }
  const fieldOf = (path: string): Field | undefined => {
    const last = path.split('.').pop() ?? '';
    return Object.hasOwn(fieldFor, last) ? fieldFor[last] : undefined;
  };
  const problems = error.fieldProblems;
  if (problems.length > 0) {
    const unplaced: string[] = [];
    for (const problem of problems) {
      const field = fieldOf(problem.path);
      if (field && !fields[field]) fields[field] = problem.message;
      else if (!field) unplaced.push(problem.path ? `${problem.path}: ${problem.message}` : problem.message);
    }
    return { fields, general: unplaced.length > 0 ? `${error.message} ${unplaced.join('; ')}` : null };
  }
  const path = (error.details as { path?: unknown } | undefined)?.path;
  const field = typeof path === 'string' ? fieldOf(path) : undefined;
  if (field) {
    fields[field] = error.message;
    return { fields, general: null };
  }
  return { fields, general: error.message };
}
