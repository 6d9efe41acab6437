import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/http.ts';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message });
}

/** Shows what went wrong as the server said it; validation problems are listed field by field. */
export function notifyError(error: unknown, title = 'Something went wrong'): void {
  if (error instanceof ApiError) {
    const problems = error.fieldProblems;
    const message =
      problems.length > 0
        ? `${error.message} ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`
        : error.message;
    notifications.show({ color: 'red', title, message });
    return;
  }
  notifications.show({
    color: 'red',
    title,
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Puts an error next to the form fields it is about: each validation problem on the field its path
 * names, and errors such as `handle_taken` on the field `fieldForCode` names.
 */
export function fieldErrorsFrom<Field extends string>(
  error: unknown,
  fieldForPath: (path: string) => Field | undefined,
  fieldForCode: Partial<Record<string, Field>> = {},
): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const errors: Partial<Record<Field, string>> = {};
  const codeField = fieldForCode[error.code];
  if (codeField) errors[codeField] = error.message;
  for (const problem of error.fieldProblems) {
    const field = fieldForPath(problem.path);
    if (field && !errors[field]) errors[field] = problem.message;
  }
  return errors;
}
