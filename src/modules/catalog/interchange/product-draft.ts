import {
  catalogLimits,
  type ImageRecord,
  type ParsedProduct,
  type ProductOptionRecord,
  type ProductRecord,
  type RowIssue,
  type VariantRecord,
} from './product-record.ts';

/** Gallery images kept per product; more is almost certainly a grouping mistake (Shopify's cap too). */
export const maxImagesPerProduct = 250;

/** The SKUs seen so far in one file. A Set of strings: a million SKUs is tens of MB at most. */
export class SkuRegistry {
  private readonly seen = new Set<string>();

  /** True the first time a SKU is claimed, false for every repeat. */
  claim(sku: string): boolean {
    if (this.seen.has(sku)) return false;
    this.seen.add(sku);
    return true;
  }
}

export type ProductFields = Omit<ProductRecord, 'options' | 'variants' | 'images'>;

/** Where a variant's cells are, for messages about it. */
export interface VariantCells {
  row: number;
  sku: string | null;
  /** Header of each option value's column, in option order. */
  optionValues: Array<string | null>;
  /** The format already checked the SKU against the file (when it reads rows out of order). */
  skuClaimed?: boolean;
}

interface PendingImage {
  src: string;
  position: number | null;
  alt: string | null;
}

/**
 * One product being assembled from one or more rows, whatever the format. It enforces the rules
 * every format shares: option values complete and unique per variant, at most 100 variants and
 * 250 images (further ones are reported and dropped, which also bounds memory for a runaway
 * group), SKUs unique across the file, a title present. `finish` turns it into a ParsedProduct.
 */
export class ProductDraft {
  readonly issues: RowIssue[] = [];
  readonly options: ProductOptionRecord[] = [];
  readonly variants: VariantRecord[] = [];
  lastRow: number;
  private readonly optionValueSets: Array<Set<string>> = [];
  private readonly combinations = new Set<string>();
  private readonly images: PendingImage[] = [];
  private readonly imageSources = new Set<string>();
  private tooManyVariantsReported = false;
  private tooManyImagesReported = false;

  constructor(
    public fields: ProductFields,
    readonly firstRow: number,
    private readonly skus: SkuRegistry,
  ) {
    this.lastRow = firstRow;
  }

  /** Declares an option; `values` fixes its value order up front (values met later are appended). */
  addOption(name: string, values: string[] = []): void {
    this.options.push({ name, values: [...values] });
    this.optionValueSets.push(new Set(values));
  }

  addIssues(issues: RowIssue[]): void {
    for (const issue of issues) this.issues.push(issue);
  }

  /** Adds a variant unless it breaks a rule; returns whether it was added. */
  addVariant(variant: VariantRecord, cells: VariantCells): boolean {
    this.touch(cells.row);
    const missing = this.options.findIndex((_, i) => !variant.optionValues[i]);
    if (missing >= 0) {
      const option = this.options[missing]!;
      this.issue(
        cells.row,
        cells.optionValues[missing] ?? null,
        'missing_option_value',
        `This variant has no value for the option "${option.name}"; every variant needs one value per option.`,
      );
      return false;
    }
    if (variant.optionValues.length > this.options.length) {
      this.issue(
        cells.row,
        cells.optionValues[this.options.length] ?? null,
        'unexpected_option_value',
        this.options.length === 0
          ? 'This variant has an option value but the product declares no options (option names go on its first row).'
          : `This variant has a value for option ${this.options.length + 1}, which the product does not declare on its first row.`,
      );
      return false;
    }
    // Length-prefixed, so no two different value lists give the same key.
    const combination = variant.optionValues.map((value) => `${value.length}:${value}`).join('');
    if (this.combinations.has(combination)) {
      this.issue(
        cells.row,
        cells.optionValues[0] ?? null,
        'duplicate_variant',
        this.options.length === 0
          ? 'A product without options has exactly one variant; this row adds another. Give the product options (e.g. Size) or remove the row.'
          : `Another variant of this product already has the options ${variant.optionValues.join(' / ')}.`,
      );
      return false;
    }
    if (this.variants.length >= catalogLimits.maxVariants) {
      if (!this.tooManyVariantsReported) {
        this.issue(
          cells.row,
          null,
          'too_many_variants',
          `A product can have at most ${catalogLimits.maxVariants} variants; this row and any further variant rows of the product are not read.`,
        );
        this.tooManyVariantsReported = true;
      }
      return false;
    }
    if (variant.sku !== null && !cells.skuClaimed && !this.skus.claim(variant.sku)) {
      this.issue(
        cells.row,
        cells.sku,
        'duplicate_sku',
        `The SKU "${variant.sku}" is already used by an earlier row of this file; SKUs must be unique.`,
      );
    }
    this.combinations.add(combination);
    variant.optionValues.forEach((value, i) => {
      if (this.optionValueSets[i]!.has(value)) return;
      this.optionValueSets[i]!.add(value);
      this.options[i]!.values.push(value);
    });
    this.variants.push(variant);
    return true;
  }

  /** Adds a gallery image; a repeated source is kept once, at its first position. */
  addImage(image: PendingImage, row: number, column: string | null): void {
    this.touch(row);
    if (this.imageSources.has(image.src)) return;
    if (this.images.length >= maxImagesPerProduct) {
      if (!this.tooManyImagesReported) {
        this.issue(
          row,
          column,
          'too_many_images',
          `A product can have at most ${maxImagesPerProduct} images; further images are not read.`,
        );
        this.tooManyImagesReported = true;
      }
      return;
    }
    this.imageSources.add(image.src);
    this.images.push(image);
  }

  touch(row: number): void {
    if (row > this.lastRow) this.lastRow = row;
  }

  issue(
    row: number,
    column: string | null,
    code: string,
    message: string,
    severity: RowIssue['severity'] = 'error',
  ) {
    this.issues.push({ row, column, code, message, severity });
  }

  /** The finished product; `titleColumn` names the title's column for a missing-title issue. */
  finish(titleColumn: string): ParsedProduct {
    if (this.fields.title === '') {
      this.issue(
        this.firstRow,
        titleColumn,
        'missing_title',
        `The product "${this.fields.handle}" has no ${titleColumn} on its first row.`,
      );
    }
    if (this.options.length > catalogLimits.maxOptions) {
      this.issue(
        this.firstRow,
        null,
        'too_many_options',
        `A product can have at most ${catalogLimits.maxOptions} options; this one has ${this.options.length}.`,
      );
    }
    if (this.variants.length === 0 && !this.issues.some((i) => i.severity === 'error')) {
      this.issue(
        this.firstRow,
        null,
        'no_variants',
        'The product has no variant to sell: none of its rows has a price or option values.',
      );
    }
    const images: ImageRecord[] = inGalleryOrder(this.images).map((image, i) => ({
      src: image.src,
      position: i + 1,
      alt: image.alt,
    }));
    const record: ProductRecord = {
      ...this.fields,
      options: this.options,
      variants: this.variants,
      images,
    };
    const issues = this.issues.length > 1 ? [...this.issues].sort((a, b) => a.row - b.row) : this.issues;
    return { record, rows: { first: this.firstRow, last: this.lastRow }, issues };
  }
}

/** Images by their given position (stable; images without one keep their place after those with one). */
function inGalleryOrder(images: PendingImage[]): PendingImage[] {
  const sorted = images.every(
    (image, i) => image.position !== null && (i === 0 || image.position >= images[i - 1]!.position!),
  );
  if (sorted) return images;
  return images
    .map((image, order) => ({ image, order }))
    .sort((a, b) => (a.image.position ?? Infinity) - (b.image.position ?? Infinity) || a.order - b.order)
    .map(({ image }) => image);
}
