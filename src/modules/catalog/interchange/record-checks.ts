import { unprocessable } from '../../../platform/errors.ts';
import { catalogLimits, type ProductRecord } from './product-record.ts';

/**
 * Refuses a record no product CSV can express: the catalog never holds one, so meeting it on the
 * way out is a bug upstream, reported with the product's handle rather than written as a broken row.
 */
export function assertWritableRecord(record: ProductRecord, formatName: string): void {
  const problem =
    record.variants.length === 0
      ? 'it has no variants'
      : record.options.length > catalogLimits.maxOptions
        ? `it has ${record.options.length} options (at most ${catalogLimits.maxOptions})`
        : record.options.length === 0 && record.variants.length > 1
          ? 'it has several variants but no options to tell them apart'
          : record.variants.some((v) => v.optionValues.length !== record.options.length)
            ? 'a variant does not have one value per option'
            : null;
  if (problem) {
    throw unprocessable(
      'record_not_writable',
      `The product "${record.handle}" cannot be written as a ${formatName} CSV: ${problem}.`,
      { handle: record.handle },
    );
  }
}
