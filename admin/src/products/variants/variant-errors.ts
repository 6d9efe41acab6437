import { ApiError } from '../../api/http.ts';
import { parseDecimalToMinor } from '../../money/minor-units.ts';
import { foldValue, type OptionDraft, variantLimits } from './variant-combinations.ts';
import { type VariantDraft, variantLabel } from './variant-drafts.ts';

/** The cells of a variant row that can be wrong; `optionValues` stands for the row as a whole. */
export type VariantCellField =
  | 'optionValues'
  | 'price'
  | 'compareAtPrice'
  | 'cost'
  | 'sku'
  | 'barcode'
  | 'weight'
  | 'requiresShipping'
  | 'taxable'
  | 'taxClass'
  | 'inventoryPolicy'
  | 'image';

/**
 * Where a problem with the options or variants shows: `variants.<row key>.<cell>`,
 * `options.<option key>.name` or `.values`, or `variants` / `options` for the set as a whole.
 * Rows and options are named by their form keys, not their positions, so a problem stays on its
 * cell when rows move.
 */
export type VariantErrorKey = 'variants' | 'options' | `variants.${string}` | `options.${string}`;
export type VariantSetErrors = Partial<Record<VariantErrorKey, string>>;

export const cellErrorKey = (rowKey: string, field: VariantCellField): VariantErrorKey =>
  `variants.${rowKey}.${field}`;
export const optionErrorKey = (optionKey: string, part: 'name' | 'values'): VariantErrorKey =>
  `options.${optionKey}.${part}`;

function optionalAmountProblem(text: string, fractionDigits: number): string | undefined {
  if (!text.trim()) return undefined;
  const parsed = parseDecimalToMinor(text, fractionDigits);
  return parsed.ok ? undefined : parsed.message.replace('The price', 'It');
}

/** Problems the browser can tell before asking the server (which still has the last word). */
export function checkVariantSet(
  options: readonly OptionDraft[],
  variants: readonly VariantDraft[],
  fractionDigits: number,
): VariantSetErrors {
  const errors: VariantSetErrors = {};
  const names = new Set<string>();
  for (const option of options) {
    const name = foldValue(option.name);
    if (!name) errors[optionErrorKey(option.key, 'name')] = 'Name the option, e.g. Size.';
    else if (names.has(name))
      errors[optionErrorKey(option.key, 'name')] =
        `There is already an option named “${option.name.trim()}”.`;
    names.add(name);
    if (option.values.length === 0)
      errors[optionErrorKey(option.key, 'values')] = 'Add at least one value, or remove the option.';
  }
  if (variants.length > variantLimits.variants) {
    errors.variants = `These options make ${variants.length} variants; a product can have at most ${variantLimits.variants}. Remove some values.`;
  }
  const skus = new Map<string, VariantDraft>();
  for (const variant of variants) {
    const cell = (field: VariantCellField, message: string | undefined) => {
      if (message) errors[cellErrorKey(variant.key, field)] = message;
    };
    const price = parseDecimalToMinor(variant.price, fractionDigits);
    cell('price', price.ok ? undefined : price.message);
    const compareAt = parseDecimalToMinor(variant.compareAtPrice, fractionDigits);
    cell(
      'compareAtPrice',
      optionalAmountProblem(variant.compareAtPrice, fractionDigits) ??
        (price.ok && compareAt.ok && variant.compareAtPrice.trim() && compareAt.amount <= price.amount
          ? 'Make it higher than the price, or leave it empty.'
          : undefined),
    );
    cell('cost', optionalAmountProblem(variant.cost, fractionDigits));
    const weight = variant.weight.trim();
    cell(
      'weight',
      weight && !(/^\d+$/.test(weight) && Number(weight) <= 10_000_000)
        ? 'Enter whole grams, e.g. 350.'
        : undefined,
    );
    const sku = variant.sku.trim();
    if (sku) {
      const first = skus.get(sku);
      if (first) cell('sku', `Same SKU as ${variantLabel(first)}.`);
      else skus.set(sku, variant);
    }
  }
  return errors;
}

/** What a save sent, in order, so the server's `variants.3` and `options.1` find their row and option. */
export interface SentVariantSet {
  optionKeys: string[];
  variantKeys: string[];
}

const cellForServerField: Record<string, VariantCellField> = {
  id: 'optionValues',
  optionValues: 'optionValues',
  price: 'price',
  compareAtPrice: 'compareAtPrice',
  cost: 'cost',
  sku: 'sku',
  barcode: 'barcode',
  weightGrams: 'weight',
  requiresShipping: 'requiresShipping',
  taxable: 'taxable',
  taxClass: 'taxClass',
  inventoryPolicy: 'inventoryPolicy',
  imagePosition: 'image',
};

/** The form's address for a server path such as `variants.3.price.amount` or `options.0.values.2`. */
export function variantErrorKeyForPath(path: string, sent: SentVariantSet): VariantErrorKey | undefined {
  const [head, index, field] = path.split('.');
  if (head !== 'variants' && head !== 'options') return undefined;
  if (index === undefined || !/^\d+$/.test(index)) return head;
  if (head === 'options') {
    const key = sent.optionKeys[Number(index)];
    return key ? optionErrorKey(key, field === 'name' ? 'name' : 'values') : 'options';
  }
  const key = sent.variantKeys[Number(index)];
  return key ? cellErrorKey(key, cellForServerField[field ?? ''] ?? 'optionValues') : 'variants';
}

/** `{ path, message }` problems of an error: validation details, and the lists other 4xx answers carry. */
function problemsOf(error: ApiError): { path: string; message: string }[] {
  if (error.code === 'validation_failed') return error.fieldProblems;
  const details = Array.isArray(error.details) ? error.details : error.details ? [error.details] : [];
  return details.flatMap((item) => {
    const { path, message } = (item ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string'
      ? [{ path, message: typeof message === 'string' ? message : error.message }]
      : [];
  });
}

/**
 * Puts the server's problems with options and variants on their cells: validation failures (400),
 * inconsistent options (422 `invalid_variants`), a SKU another product has (409 `sku_taken`).
 */
export function variantErrorsFrom(error: unknown, sent: SentVariantSet): VariantSetErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: VariantSetErrors = {};
  for (const problem of problemsOf(error)) {
    // The single-variant shorthands of older answers (`price`, `sku`) are the first row's.
    const path = /^(price|sku)(\.|$)/.test(problem.path) ? `variants.0.${problem.path}` : problem.path;
    const key = variantErrorKeyForPath(path, sent);
    if (key && !errors[key]) errors[key] = problem.message;
  }
  if (error.code === 'sku_taken' && Object.keys(errors).length === 0) {
    const only = sent.variantKeys.length === 1 ? sent.variantKeys[0] : undefined;
    if (only) errors[cellErrorKey(only, 'sku')] = error.message;
    else errors.variants = error.message;
  }
  return errors;
}

/** The draft property each cell edits. */
const draftPropertyOfCell: Record<VariantCellField, keyof VariantDraft> = {
  optionValues: 'optionValues',
  price: 'price',
  compareAtPrice: 'compareAtPrice',
  cost: 'cost',
  sku: 'sku',
  barcode: 'barcode',
  weight: 'weight',
  requiresShipping: 'requiresShipping',
  taxable: 'taxable',
  taxClass: 'taxClass',
  inventoryPolicy: 'inventoryPolicy',
  image: 'imageId',
};

/** The errors left once the options and variants changed: those of edited cells and options go. */
export function errorsAfterVariantEdit<E extends VariantSetErrors>(
  errors: E,
  before: { options: readonly OptionDraft[]; variants: readonly VariantDraft[] },
  after: { options: readonly OptionDraft[]; variants: readonly VariantDraft[] },
): E {
  const next: VariantSetErrors = { ...errors };
  let dropped = false;
  const drop = (key: VariantErrorKey) => {
    if (next[key] === undefined) return;
    delete next[key];
    dropped = true;
  };
  if (before.options !== after.options) {
    drop('options');
    drop('variants');
    const old = new Map(before.options.map((o) => [o.key, o]));
    for (const option of after.options) {
      const was = old.get(option.key);
      if (was?.name !== option.name) drop(optionErrorKey(option.key, 'name'));
      if (was?.values !== option.values) drop(optionErrorKey(option.key, 'values'));
    }
  }
  if (before.variants !== after.variants) {
    drop('variants');
    const old = new Map(before.variants.map((v) => [v.key, v]));
    for (const variant of after.variants) {
      const was = old.get(variant.key);
      if (!was || was === variant) continue;
      for (const [field, property] of Object.entries(draftPropertyOfCell)) {
        if (was[property] !== variant[property]) drop(cellErrorKey(variant.key, field as VariantCellField));
      }
      // Whether a compare-at price is high enough depends on the price.
      if (was.price !== variant.price) drop(cellErrorKey(variant.key, 'compareAtPrice'));
    }
  }
  // The same object when nothing went, so what shows errors need not be drawn again.
  return dropped ? (next as E) : errors;
}
