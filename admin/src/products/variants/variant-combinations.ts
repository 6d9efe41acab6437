/**
 * How a product's options shape its variants. Each variant is one combination of option values; when
 * the options change, the variants follow without losing what was typed into them: a renamed value
 * carries its variants along, a new value adds combinations with what the other options already offer,
 * a removed value drops its combinations, and variants keep their ids (the server matches them by id).
 */

/** The limits of the catalog API (src/modules/catalog/interchange/product-record.ts). */
export const variantLimits = { options: 3, variants: 100 } as const;

export interface OptionDraft {
  /** Stable while the form is open, so a renamed option is still the same option. */
  key: string;
  name: string;
  values: string[];
}

/** What the combination logic needs of a variant; the form's variant drafts carry more. */
export interface Combination {
  optionValues: string[];
}

/** Option names and values compare without case or surrounding space, as the server compares them. */
export const foldValue = (text: string) => text.trim().toLocaleLowerCase();

export function combinationKey(values: readonly string[]): string {
  return values.map(foldValue).join('\u0000');
}

/** Options that shape the grid: an option being added has no values yet, and no variants either. */
export function gridOptions<O extends OptionDraft>(options: readonly O[]): O[] {
  return options.filter((option) => option.values.length > 0);
}

/** How many variants every combination of the options makes (one for a product without options). */
export function fullCombinationCount(options: readonly OptionDraft[]): number {
  return gridOptions(options).reduce((count, option) => count * option.values.length, 1);
}

/**
 * Where each old value of an option went: to itself (perhaps in another spelling), to the value that
 * took its place (a rename: same number of values, one out and one in), or nowhere (removed).
 */
function valueMoves(before: readonly string[], after: readonly string[]) {
  const afterByFold = new Map(after.map((value) => [foldValue(value), value]));
  const beforeFolds = new Set(before.map(foldValue));
  const moves = new Map<string, string>();
  const removed: string[] = [];
  for (const value of before) {
    const kept = afterByFold.get(foldValue(value));
    if (kept === undefined) removed.push(value);
    else moves.set(foldValue(value), kept);
  }
  let added = after.filter((value) => !beforeFolds.has(foldValue(value)));
  if (before.length === after.length && removed.length === added.length) {
    removed.forEach((value, i) => {
      moves.set(foldValue(value), added[i]!);
    });
    added = [];
  }
  return { moves, added };
}

function byOptionOrder<V extends Combination>(options: readonly OptionDraft[], rows: V[]): V[] {
  const rank = options.map((option) => new Map(option.values.map((value, i) => [foldValue(value), i])));
  const ranks = new Map(
    rows.map((row) => [row, row.optionValues.map((v, i) => rank[i]?.get(foldValue(v)) ?? 0)]),
  );
  return rows.toSorted((a, b) => {
    const ra = ranks.get(a)!;
    const rb = ranks.get(b)!;
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return 0;
  });
}

/**
 * The variants after the options changed from `before` to `after` (options are matched by key).
 * Existing variants keep their data and ids; a variant whose value was removed goes; when an option
 * is removed, variants that differed only in it merge into the first of them. Values added make new
 * combinations with every combination of the other options already on offer (so a product that does
 * not offer some combinations keeps not offering them), each made by `create` from its closest
 * existing variant. The result is in option order: first option slowest, as the options list values.
 */
export function reconcileVariants<V extends Combination>(
  before: readonly OptionDraft[],
  after: readonly OptionDraft[],
  variants: readonly V[],
  create: (optionValues: string[], template: V) => V,
): V[] {
  const was = gridOptions(before);
  const now = gridOptions(after);
  const plans = now.map((option) => {
    const at = was.findIndex((old) => old.key === option.key);
    if (at < 0)
      return {
        at,
        moves: new Map<string, string>(),
        added: option.values.slice(1),
        first: option.values[0]!,
      };
    return { at, first: '', ...valueMoves(was[at]!.values, option.values) };
  });

  const taken = new Set<string>();
  const rows: V[] = [];
  for (const variant of variants) {
    const values: string[] = [];
    for (const plan of plans) {
      const value = plan.at < 0 ? plan.first : plan.moves.get(foldValue(variant.optionValues[plan.at] ?? ''));
      if (value === undefined) break;
      values.push(value);
    }
    if (values.length < plans.length) continue;
    const key = combinationKey(values);
    if (taken.has(key)) continue;
    taken.add(key);
    const same =
      values.length === variant.optionValues.length && values.every((v, i) => v === variant.optionValues[i]);
    rows.push(same ? variant : { ...variant, optionValues: values });
  }

  plans.forEach((plan, j) => {
    for (const value of plan.added) {
      const others = new Set<string>();
      for (const row of [...rows]) {
        const other = combinationKey(row.optionValues.filter((_, i) => i !== j));
        if (others.has(other)) continue;
        others.add(other);
        const values = row.optionValues.with(j, value);
        const key = combinationKey(values);
        if (taken.has(key)) continue;
        taken.add(key);
        rows.push(create(values, row));
      }
    }
  });
  return byOptionOrder(now, rows);
}

/** Every combination of the options, first option slowest. */
export function allCombinations(options: readonly OptionDraft[]): string[][] {
  return gridOptions(options).reduce<string[][]>(
    (combinations, option) => combinations.flatMap((head) => option.values.map((value) => [...head, value])),
    [[]],
  );
}

/** Combinations of the options that no variant offers. */
export function missingCombinations(
  options: readonly OptionDraft[],
  variants: readonly Combination[],
): string[][] {
  const offered = new Set(variants.map((variant) => combinationKey(variant.optionValues)));
  return allCombinations(options).filter((values) => !offered.has(combinationKey(values)));
}

/**
 * The variants with every missing combination added, each made by `create` from the variant that
 * shares the most option values with it.
 */
export function withMissingCombinations<V extends Combination>(
  options: readonly OptionDraft[],
  variants: readonly V[],
  create: (optionValues: string[], template: V) => V,
): V[] {
  const first = variants[0];
  if (!first) return [...variants];
  const shared = (a: string[], b: string[]) =>
    a.filter((v, i) => foldValue(v) === foldValue(b[i] ?? '')).length;
  const added = missingCombinations(options, variants).map((values) => {
    const template = variants.reduce(
      (best, row) => (shared(row.optionValues, values) > shared(best.optionValues, values) ? row : best),
      first,
    );
    return create(values, template);
  });
  return byOptionOrder(gridOptions(options), [...variants, ...added]);
}
