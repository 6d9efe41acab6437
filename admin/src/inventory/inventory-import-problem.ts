import { ApiError } from '../api/http.ts';
import { formatBytes } from '../products/import/import-stage.ts';

export interface ImportProblem {
  title: string;
  message: string;
}

const readableCodes = new Set([
  'empty_file',
  'invalid_csv',
  'missing_column',
  'malformed_upload',
  'one_file_only',
  'unexpected_field',
  'file_required',
]);

const numberIn = (details: unknown, key: string): number | undefined => {
  const value = (details as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'number' ? value : undefined;
};

/**
 * What went wrong sending an inventory file, in words for the person who chose it: always a
 * title and a message (never an empty box), whether the server explained itself or a proxy cut
 * the upload off. A refusal with row errors (`import_invalid`) is shown as its report instead.
 */
export function importProblemOf(error: unknown, stage: { dryRun: boolean; file: File }): ImportProblem {
  const title = stage.dryRun ? 'The file was not checked' : 'Nothing was imported';
  if (!(error instanceof ApiError)) {
    return { title, message: error instanceof Error && error.message ? error.message : String(error) };
  }
  const size = formatBytes(stage.file.size);
  switch (error.code) {
    case 'csv_required':
      return {
        title: 'This is not a CSV file',
        message:
          'Choose a .csv file: an inventory export from Storepilot or Shopify, or a spreadsheet saved as CSV.',
      };
    case 'file_too_large': {
      const most = numberIn(error.details, 'maxBytes');
      return {
        title: 'The file is too large',
        message: `${stage.file.name} is ${size}; an import takes at most ${most ? formatBytes(most) : 'the server’s limit'}. Split it into smaller files and import them one after another.`,
      };
    }
    case 'too_many_rows': {
      const most = numberIn(error.details, 'maxRows');
      return {
        title: 'The file has too many rows',
        message: `One import reads at most ${most ? most.toLocaleString() : 'the server’s limit of'} rows. Split the file and import the parts one after another.`,
      };
    }
    case 'permission_denied':
      return { title, message: 'Your role in this store cannot change stock. Ask an owner or admin.' };
    case 'csrf_failed':
      return { title, message: 'Your session’s security token is out of date. Reload the page, then retry.' };
  }
  if (readableCodes.has(error.code)) return { title: 'The file cannot be read', message: error.message };
  if (error.status === 0) return { title, message: error.message };
  if (error.status === 401) return { title, message: 'You were signed out. Sign in again, then retry.' };
  if (error.status === 413) {
    return {
      title: 'The file is too large',
      message: `The server refused ${stage.file.name} (${size}) as too large. Split it into smaller files and import them one after another.`,
    };
  }
  if (error.status >= 500) {
    return {
      title,
      message: `The server could not handle the file (error ${error.status}). Nothing was changed; try again in a moment.`,
    };
  }
  return { title, message: error.message || `The server answered ${error.status}.` };
}
