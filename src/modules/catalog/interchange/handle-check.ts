import { HANDLE_PATTERN, suggestHandle } from '../handles.ts';
import type { RowReader } from './row-reader.ts';

/** The catalog's longest handle. */
export const maxHandleLength = 100;

/**
 * The handle a file gives, made acceptable to the catalog: kept as is when it already is a handle,
 * otherwise rewritten in handle form (lowercase words joined by hyphens) with a warning, or
 * reported when nothing usable is left. Returns null in that last case.
 */
export function checkedHandle(raw: string, row: RowReader, column: string): string | null {
  if (raw.length <= maxHandleLength && HANDLE_PATTERN.test(raw)) return raw;
  const handle = suggestHandle(raw, maxHandleLength);
  if (handle === '') {
    row.error(
      column,
      'invalid_handle',
      `The handle "${raw}" has no letters or digits to make a web address from; use lowercase words joined by hyphens.`,
    );
    return null;
  }
  row.warning(
    column,
    'handle_changed',
    `The handle "${raw}" is not lowercase words joined by hyphens; it is imported as "${handle}".`,
  );
  return handle;
}
