import { ApiError } from '../api/http.ts';

export type LineField = 'quantity' | 'unitCost';

export interface OrderFormErrors<Field extends string> {
  /** By line index: the message for its quantity or unit cost input. */
  lines: Record<number, Partial<Record<LineField, string>>>;
  fields: Partial<Record<Field, string>>;
  general: string | null;
}

/**
 * Puts a server error on the form of an order: a path `lines.2.quantity` (a validation problem, or
 * `details.path` of errors such as `over_receipt` and `not_pack_multiple`) on that line's input, a
 * path whose first part `fieldFor` knows on that field, anything else in the general message.
 */
export function orderFormErrorsFrom<Field extends string>(
  error: unknown,
  fieldFor: Readonly<Record<string, Field>> = {},
): OrderFormErrors<Field> {
  const result: OrderFormErrors<Field> = { lines: {}, fields: {}, general: null };
  if (!error) return result;
  if (!(error instanceof ApiError)) {
    result.general = error instanceof Error ? error.message : String(error);
    return result;
  }
  const place = (path: string, message: string): boolean => {
    const line = /^lines\.(\d+)\.(quantity|unitCost)/.exec(path);
    if (line) {
      const index = Number(line[1]);
      const field = line[2] as LineField;
      result.lines[index] = { ...result.lines[index], [field]: result.lines[index]?.[field] ?? message };
      return true;
    }
    const first = path.split('.')[0] ?? '';
    if (Object.hasOwn(fieldFor, first)) {
      result.fields[fieldFor[first] as Field] ??= message;
      return true;
    }
    return false;
  };
  const problems = error.fieldProblems;
  if (problems.length > 0) {
    const unplaced = problems
      .filter((p) => !place(p.path, p.message))
      .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    if (unplaced.length > 0) result.general = `${error.message} ${unplaced.join('; ')}`;
    return result;
  }
  const path = (error.details as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || !place(path, error.message)) result.general = error.message;
  return result;
}
