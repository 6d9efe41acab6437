import { ApiError } from '../api/http.ts';
import { type ExperimentErrors, productPoints } from './experiment-draft.ts';

/** The API's paths that are inputs of the form under another name (targeting is one group of inputs). */
const inputOfPath: Record<string, string> = {
  'targeting.audience': 'audience',
  'targeting.devices': 'devices',
  'targeting.countries': 'countries',
};

/** Codes whose refusal is about one input though they name no path. */
const inputOfCode: Record<string, string> = {
  experiment_key_taken: 'key',
  duplicate_variant_key: 'variants',
  unknown_point: 'point',
  metric_listed_twice: 'guardrailMetrics',
};

/** A list's problem goes on the list (`countries.2` → `countries`), a variant's stays on the variant. */
function inputOf(path: string, isInput: (input: string) => boolean): string | null {
  let parts = path.split('.').filter(Boolean);
  const mapped = inputOfPath[parts.slice(0, 2).join('.')];
  if (mapped) parts = [mapped];
  while (parts.length > 0) {
    const input = parts.join('.');
    if (isInput(input)) return input;
    parts = parts.slice(0, -1);
  }
  return null;
}

/**
 * A refused save put on the form's inputs (see experiment-draft.ts for their names): a validation
 * problem by its path (`variants.1.weight`, `targeting.countries.0`), an `invalid_change` on the
 * variant's field each of the point's issues names (`variants.1.change` + `text` →
 * `variants.1.change.text`), a rule across variants on the product of a product test, other codes
 * where they belong. What no input shows is `general`. `isInput` says which inputs the form shows.
 */
export function experimentErrorsFrom(
  error: unknown,
  point: string | null,
  isInput: (input: string) => boolean,
): { fields: ExperimentErrors; general: string | null } {
  const fields: ExperimentErrors = {};
  if (!(error instanceof ApiError)) {
    return { fields, general: error instanceof Error ? error.message : String(error) };
  }
  const unplaced: string[] = [];
  const place = (path: string, message: string) => {
    const input = inputOf(path, isInput);
    if (input === null) unplaced.push(path ? `${path}: ${message}` : message);
    else fields[input] ??= message;
  };
  const details = (error.details ?? {}) as { path?: unknown; issues?: unknown };
  if (error.fieldProblems.length > 0) {
    for (const problem of error.fieldProblems) place(problem.path, problem.message);
  } else if (error.code === 'invalid_change' && typeof details.path === 'string') {
    const issues = Array.isArray(details.issues)
      ? (details.issues as { path: string; message: string }[])
      : [];
    // The product is chosen once for every variant: its problems are the product picker's.
    const onProduct = (path: string) =>
      point !== null && productPoints.includes(point) && /(^|\.)productId$|^variants$/.test(path);
    if (issues.length === 0) {
      place(onProduct(details.path) ? 'productId' : details.path, error.message);
    }
    for (const issue of issues) {
      const path = issue.path ? `${details.path}.${issue.path}` : details.path;
      place(onProduct(path) ? 'productId' : path, issue.message);
    }
  } else if (typeof details.path === 'string') {
    place(details.path, error.message);
  } else if (inputOfCode[error.code]) {
    place(inputOfCode[error.code]!, error.message);
  } else {
    unplaced.push(error.message);
  }
  const general =
    unplaced.length === 0
      ? null
      : error.fieldProblems.length > 0 || error.code === 'invalid_change'
        ? `${error.message} ${unplaced.join('; ')}`
        : unplaced.join('; ');
  return { fields, general };
}
