import { ApiError } from '../api/http.ts';

export interface LineErrors {
  /** Messages by variant id, shown on that line's quantity input. */
  byVariant: Record<string, string>;
  /** What is about no line (shown above the buttons). */
  general: string | null;
}

/**
 * Puts a server error on the lines it is about. Transfer errors name a line by path
 * (`lines.2.quantity`: `insufficient_stock`, `receipt_exceeds_shipped`, validation problems), which
 * `variantAt` turns into its variant; `count_below_reserved` lists the lines with their reservations.
 */
export function lineErrorsFrom(error: unknown, variantAt: (index: number) => string | undefined): LineErrors {
  const byVariant: Record<string, string> = {};
  if (!error) return { byVariant, general: null };
  if (!(error instanceof ApiError)) {
    return { byVariant, general: error instanceof Error ? error.message : String(error) };
  }
  const place = (path: unknown, message: string): boolean => {
    const match = typeof path === 'string' ? /(?:^|\.)lines\.(\d+)\./.exec(path) : null;
    const variantId = match ? variantAt(Number(match[1])) : undefined;
    if (!variantId) return false;
    byVariant[variantId] ??= message;
    return true;
  };
  if (error.code === 'count_below_reserved') {
    const lines = (error.details as { lines?: { variantId: string; reserved: number }[] } | undefined)?.lines;
    for (const line of lines ?? []) byVariant[line.variantId] = `Below the ${line.reserved} reserved here.`;
    return { byVariant, general: error.message };
  }
  const problems = error.fieldProblems;
  if (problems.length > 0) {
    const unplaced = problems.filter((p) => !place(p.path, p.message));
    return {
      byVariant,
      general: unplaced.length > 0 ? unplaced.map((p) => `${p.path}: ${p.message}`).join('; ') : null,
    };
  }
  const path = (error.details as { path?: unknown } | undefined)?.path;
  return place(path, error.message) ? { byVariant, general: null } : { byVariant, general: error.message };
}
