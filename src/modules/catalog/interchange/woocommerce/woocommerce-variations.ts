import type { ProductDraft } from '../product-draft.ts';
import type { ParsedProduct, RowIssue, VariantRecord } from '../product-record.ts';
import type { WooAttribute, WooVariantCells } from './woocommerce-rows.ts';

/** A variable product's parent row, waiting for the end of the file to collect its variations. */
export interface VariableParent {
  draft: ProductDraft;
  row: number;
  attributes: WooAttribute[];
  /** Weight, tax status and tax class of the parent row, which variations inherit when theirs are blank. */
  defaults: VariantRecord;
  keys: string[];
  nameHeader: string;
}

export interface PendingVariation {
  row: number;
  parentKey: string;
  parentColumn: string;
  skuColumn: string | null;
  cells: WooVariantCells;
  attributes: WooAttribute[];
  issues: RowIssue[];
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The variable product with its variations. Its options are the parent's attributes that the
 * variations set, with the parent's value list (WooCommerce matches values without regard to
 * case). An attribute every variation leaves blank ("any Size") cannot be an option, because a
 * catalog variant has exactly one value per option; it is dropped with a warning. A variation that
 * leaves blank an option other variations set is an error: split it into one variation per value.
 */
export function resolveVariableProduct(
  parent: VariableParent,
  variations: PendingVariation[],
): ParsedProduct {
  const draft = parent.draft;
  const options = chooseOptions(parent, variations);

  for (const variation of variations) {
    draft.addIssues(variation.issues);
    draft.touch(variation.row);
    const values: string[] = [];
    const columns: Array<string | null> = [];
    let complete = true;
    for (const option of options) {
      const given = variation.attributes.find((a) => sameName(a.name, option.name));
      const value = given?.values[0];
      if (!given || value === undefined) {
        complete = false;
        draft.issue(
          variation.row,
          given?.column.header ?? null,
          given ? 'any_option_value' : 'missing_option_value',
          given
            ? `This variation accepts any ${option.name}, but other variations set one. Give it a ${option.name}, or make one variation per ${option.name}.`
            : `This variation does not set "${option.name}", which the product's variations are chosen by.`,
        );
        continue;
      }
      let canonical = option.byLowercase.get(value.toLowerCase());
      if (canonical === undefined) {
        draft.issue(
          variation.row,
          given.column.header,
          'unknown_option_value',
          `"${value}" is not among the values the product lists for ${option.name}; it is added to them.`,
          'warning',
        );
        canonical = value;
        option.byLowercase.set(value.toLowerCase(), value);
      }
      values.push(canonical);
      columns.push(given.column.header);
    }
    for (const attribute of variation.attributes) {
      if (!parent.attributes.some((a) => sameName(a.name, attribute.name))) {
        draft.issue(
          variation.row,
          attribute.column.header,
          'unknown_attribute',
          `The parent product has no attribute "${attribute.name}"; it is ignored for this variation.`,
          'warning',
        );
      }
    }
    if (!complete) continue;

    const { variant, inheritsWeight, inheritsTaxStatus, inheritsTaxClass } = variation.cells;
    draft.addVariant(
      {
        ...variant,
        optionValues: values,
        weightGrams: inheritsWeight ? parent.defaults.weightGrams : variant.weightGrams,
        taxable: inheritsTaxStatus ? parent.defaults.taxable : variant.taxable,
        taxClass: inheritsTaxClass ? parent.defaults.taxClass : variant.taxClass,
      },
      { row: variation.row, sku: variation.skuColumn, optionValues: columns, skuClaimed: true },
    );
  }

  if (variations.length === 0) {
    draft.issue(
      parent.row,
      null,
      'no_variations',
      'This variable product has no variations in the file, so nothing can be sold.',
    );
  }
  return draft.finish(parent.nameHeader);
}

interface ChosenOption {
  name: string;
  byLowercase: Map<string, string>;
}

function chooseOptions(parent: VariableParent, variations: PendingVariation[]): ChosenOption[] {
  const options: ChosenOption[] = [];
  for (const attribute of parent.attributes) {
    const mentions = variations
      .map((v) => v.attributes.find((a) => sameName(a.name, attribute.name)))
      .filter((a) => a !== undefined);
    if (mentions.some((a) => a.values.length > 0)) {
      parent.draft.addOption(attribute.name, attribute.values);
      options.push({
        name: attribute.name,
        byLowercase: new Map(attribute.values.map((v) => [v.toLowerCase(), v])),
      });
    } else if (mentions.length > 0) {
      parent.draft.issue(
        parent.row,
        attribute.column.header,
        'option_any_value',
        `Every variation accepts any ${attribute.name} (${attribute.values.join(', ')}), so ${attribute.name} is not imported as an option: a variant has exactly one value per option.`,
        'warning',
      );
    } else {
      parent.draft.issue(
        parent.row,
        attribute.column.header,
        'attribute_not_imported',
        `The attribute "${attribute.name}" is not used by any variation; it is not imported.`,
        'warning',
      );
    }
  }
  return options;
}
