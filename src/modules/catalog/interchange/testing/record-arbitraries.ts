import fc from 'fast-check';
import { handleFromTitle } from '../../handles.ts';
import type { ImageRecord, ProductOptionRecord, ProductRecord, VariantRecord } from '../product-record.ts';

/**
 * Test support: fast-check generators of product records in canonical form — text trimmed, an
 * empty optional text written as null, lists without blanks or repeats — which is the form every
 * parser produces. `format` narrows them to what that format can express (see each writer).
 */
export type RecordShape = 'storepilot' | 'shopify' | 'woocommerce';

// Characters that stress CSV quoting, list escaping, formula guards and multi-byte decoding.
const awkward = [
  'a',
  'b',
  'Z',
  '0',
  '7',
  ' ',
  ',',
  '"',
  "'",
  '=',
  '-',
  '+',
  '@',
  '\\',
  '\n',
  '\t',
  'é',
  'ß',
  '😀',
  '>',
  '<',
  '&',
  ';',
  '#',
  '/',
];

const rawText = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...awkward), minLength: 1, maxLength });

/** Trimmed, non-empty text. */
export const text = (maxLength = 12) =>
  rawText(maxLength)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const optionalText = (maxLength = 12) => fc.option(text(maxLength), { nil: null });

const collapsedText = text(20)
  .map((s) => s.replace(/\s+/g, ' '))
  .filter((s) => s !== '');

const url = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.nat(9999))
  .map(([name, n]) => `https://cdn.example.com/${name}-${n}.jpg?v=1`);

const categoryPath = fc
  .array(
    text(8).filter((s) => !s.includes('>') && !s.endsWith('\\')),
    { minLength: 1, maxLength: 3 },
  )
  .map((levels) => levels.join(' > '));

const handle = fc.stringMatching(/^[a-z0-9]{1,6}(?:-[a-z0-9]{1,6}){0,2}$/);

const wooListItem = (maxLength: number) => text(maxLength).filter((s) => !s.endsWith('\\'));

interface Shape {
  tag: fc.Arbitrary<string>;
  optionName: fc.Arbitrary<string>;
  optionValue: fc.Arbitrary<string>;
  description: fc.Arbitrary<string>;
  taxClass: fc.Arbitrary<string | null>;
}

function shapeOf(format: RecordShape): Shape {
  const description = fc.string({ unit: fc.constantFrom(...awkward, '\r', '<p>', '</p>'), maxLength: 40 });
  switch (format) {
    case 'shopify':
      return {
        tag: text().filter((s) => !s.includes(',')),
        optionName: text(8).filter((s) => s !== 'Title'),
        optionValue: text(8),
        description,
        taxClass: optionalText(),
      };
    case 'woocommerce':
      return {
        // In WooCommerce lists a backslash before a comma escapes it, so no value may end with one.
        tag: wooListItem(12),
        optionName: text(8),
        optionValue: wooListItem(8),
        // WooCommerce writes a line break as "\n", so a backslash right before a line break is ambiguous.
        description: description.filter((s) => !/\\[\r\n]/.test(s)),
        taxClass: optionalText().filter((s) => s === null || s.toLowerCase() !== 'parent'),
      };
    case 'storepilot':
      return {
        tag: text(),
        optionName: text(8),
        optionValue: text(8),
        description,
        taxClass: optionalText(),
      };
  }
}

interface VariantSeed {
  sku: string | null;
  barcode: string | null;
  priceAmount: number;
  compareAtAmount: number | null;
  costAmount: number | null;
  weightGrams: number | null;
  requiresShipping: boolean;
  taxable: boolean;
  taxClass: string | null;
  inventoryQuantity: number | null;
  inventoryPolicy: 'deny' | 'continue';
  imageSrc: string | null;
}

const variantSeed = (shape: Shape): fc.Arbitrary<VariantSeed> =>
  fc.record({
    sku: optionalText(),
    barcode: optionalText(),
    priceAmount: fc.integer({ min: 0, max: 100_000_000 }),
    compareAtAmount: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
    costAmount: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
    weightGrams: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    requiresShipping: fc.boolean(),
    taxable: fc.boolean(),
    taxClass: shape.taxClass,
    inventoryQuantity: fc.option(fc.integer({ min: -1000, max: 100_000 }), { nil: null }),
    inventoryPolicy: fc.constantFrom('deny' as const, 'continue' as const),
    imageSrc: fc.option(url, { nil: null }),
  });

const caseInsensitiveKey = (s: string) => s.toLowerCase();

/** Options, plus the value combinations the variants will have (at least one, unique). */
function optionsAndCombinations(shape: Shape) {
  return fc.uniqueArray(shape.optionName, { maxLength: 3, selector: caseInsensitiveKey }).chain((names) =>
    fc
      .tuple(
        ...names.map(() =>
          fc.uniqueArray(shape.optionValue, { minLength: 1, maxLength: 3, selector: caseInsensitiveKey }),
        ),
      )
      .chain((valueLists) => {
        const combinations = cartesian(valueLists);
        return fc
          .shuffledSubarray(combinations, { minLength: 1, maxLength: Math.min(combinations.length, 12) })
          .map((chosen) => ({ names, valueLists, combinations: chosen }));
      }),
  );
}

function cartesian(lists: string[][]): string[][] {
  return lists.reduce<string[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])),
    [[]],
  );
}

/** One record in the canonical form `format` can express. */
export function productRecord(format: RecordShape): fc.Arbitrary<ProductRecord> {
  const shape = shapeOf(format);
  return fc
    .record({
      handle,
      title: text(16),
      descriptionHtml: shape.description,
      vendor: format === 'woocommerce' ? fc.option(wooListItem(12), { nil: null }) : optionalText(),
      productType: optionalText(),
      category: fc.option(format === 'woocommerce' ? categoryPath : text(), { nil: null }),
      tags: fc.uniqueArray(shape.tag, { maxLength: 4 }),
      status: fc.constantFrom('draft' as const, 'active' as const, 'archived' as const),
      seoTitle: optionalText(),
      seoDescription: fc.option(format === 'woocommerce' ? collapsedText : text(20), { nil: null }),
      optionSet: optionsAndCombinations(shape),
      variantSeeds: fc.array(variantSeed(shape), { minLength: 12, maxLength: 12 }),
      imageSources: fc.uniqueArray(url, { maxLength: 4 }),
      alts: fc.array(optionalText(), { minLength: 4, maxLength: 4 }),
    })
    .map(({ optionSet, variantSeeds, imageSources, alts, ...fields }) => {
      const variants: VariantRecord[] = optionSet.combinations.map((optionValues, i) => ({
        ...variantSeeds[i]!,
        optionValues,
      }));
      const options: ProductOptionRecord[] = optionSet.names.map((name, i) => ({
        name,
        // Shopify has no value list of its own: values are listed in the order variants use them.
        values: format === 'shopify' ? firstAppearance(variants, i) : optionSet.valueLists[i]!,
      }));
      const images: ImageRecord[] = imageSources.map((src, i) => ({
        src,
        position: i + 1,
        alt: format === 'woocommerce' ? null : (alts[i] ?? null),
      }));
      const record: ProductRecord = { ...fields, options, variants, images };
      return format === 'woocommerce' ? { ...record, productType: null, seoTitle: null } : record;
    });
}

function firstAppearance(variants: VariantRecord[], i: number): string[] {
  return [...new Set(variants.map((v) => v.optionValues[i]!))];
}

/**
 * Several records as one file would hold them: SKUs made unique across the file, handles unique
 * (and, for WooCommerce, derived from titles the way its parser derives them).
 */
export function productFile(format: RecordShape, maxLength = 4): fc.Arbitrary<ProductRecord[]> {
  return fc.array(productRecord(format), { minLength: 1, maxLength }).map((records) => {
    let serial = 0;
    const handles = new Set<string>();
    return records.map((record) => {
      const variants = record.variants.map((v) => ({
        ...v,
        sku: v.sku === null ? null : `${v.sku}~${++serial}`,
        costAmount: format === 'woocommerce' ? null : v.costAmount,
      }));
      const base = format === 'woocommerce' ? handleFromTitle(record.title) : record.handle;
      let unique = base;
      for (let n = 2; handles.has(unique); n++) unique = `${base}-${n}`;
      handles.add(unique);
      return { ...record, handle: unique, variants };
    });
  });
}
