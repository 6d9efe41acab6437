import { unprocessable } from '../../platform/errors.ts';
import type { OptionInput, VariantInput } from './product-input.ts';
import type { ProductOption } from './schema.ts';

/** A problem with one field of a product's options or variants, in the validation error's shape. */
interface FieldProblem {
  path: string;
  message: string;
}

const fold = (text: string) => text.trim().toLocaleLowerCase();

/**
 * Checks that options and variants describe one consistent grid: unique option names and values,
 * one value per option on every variant taken from that option's values, no two variants with the
 * same combination or SKU, and a single variant when there are no options. Throws 422
 * `invalid_variants` listing every problem, so the editor can mark them all at once.
 */
export function assertConsistentVariants(options: OptionInput[], variants: VariantInput[]): void {
  const problems: FieldProblem[] = [];
  const names = new Set<string>();
  options.forEach((option, i) => {
    if (names.has(fold(option.name)))
      problems.push({ path: `options.${i}.name`, message: `The option "${option.name}" is there twice.` });
    names.add(fold(option.name));
    const values = new Set<string>();
    option.values.forEach((value, j) => {
      if (values.has(fold(value)))
        problems.push({ path: `options.${i}.values.${j}`, message: `"${value}" is listed twice.` });
      values.add(fold(value));
    });
  });
  if (options.length === 0 && variants.length > 1) {
    problems.push({
      path: 'variants',
      message: 'Several variants need options that tell them apart (e.g. Size).',
    });
  }
  const combinations = new Map<string, number>();
  const skus = new Map<string, number>();
  variants.forEach((variant, i) => {
    if (variant.optionValues.length !== options.length) {
      problems.push({
        path: `variants.${i}.optionValues`,
        message: `Give one value for each option (${options.length}).`,
      });
      return;
    }
    variant.optionValues.forEach((value, j) => {
      const option = options[j]!;
      if (!option.values.some((v) => fold(v) === fold(value)))
        problems.push({
          path: `variants.${i}.optionValues.${j}`,
          message: `"${value}" is not a value of ${option.name}.`,
        });
    });
    const combination = variant.optionValues.map(fold).join('\u0000');
    const first = combinations.get(combination);
    if (first !== undefined)
      problems.push({
        path: `variants.${i}.optionValues`,
        message: `Same options as variant ${first + 1} (${variant.optionValues.join(' / ')}).`,
      });
    else combinations.set(combination, i);
    if (variant.sku) {
      const skuFirst = skus.get(variant.sku);
      if (skuFirst !== undefined)
        problems.push({ path: `variants.${i}.sku`, message: `Same SKU as variant ${skuFirst + 1}.` });
      else skus.set(variant.sku, i);
    }
    if (variant.compareAtPrice && variant.compareAtPrice.amount <= variant.price.amount) {
      problems.push({
        path: `variants.${i}.compareAtPrice`,
        message: 'A compare-at price must be higher than the price (or left empty).',
      });
    }
  });
  if (problems.length > 0) {
    throw unprocessable('invalid_variants', 'The options and variants do not fit together.', problems);
  }
}

/** Option values as the variant rows store them: in option order, '' for unused slots. */
export function optionColumns(values: string[], options: ProductOption[]) {
  // Stored with the spelling of the option's own value list, so "red" and "Red" never both exist.
  const canonical = values.map(
    (value, i) => options[i]?.values.find((v) => fold(v) === fold(value)) ?? value,
  );
  return { option1: canonical[0] ?? '', option2: canonical[1] ?? '', option3: canonical[2] ?? '' };
}

/** The variant's title shown to shoppers: its option values, or the product title when it has none. */
/** A variant's stored columns that come straight from its input (not ids, options or its image). */
export function variantInputColumns(variant: VariantInput) {
  return {
    sku: variant.sku ?? null,
    barcode: variant.barcode ?? null,
    priceAmount: variant.price.amount,
    compareAtAmount: variant.compareAtPrice?.amount ?? null,
    costAmount: variant.cost?.amount ?? null,
    weightGrams: variant.weightGrams ?? null,
    requiresShipping: variant.requiresShipping,
    taxable: variant.taxable,
    taxClass: variant.taxClass ?? null,
    inventoryPolicy: variant.inventoryPolicy,
  };
}

export function variantTitle(variant: { option1: string; option2: string; option3: string }): string {
  return [variant.option1, variant.option2, variant.option3].filter(Boolean).join(' / ');
}
