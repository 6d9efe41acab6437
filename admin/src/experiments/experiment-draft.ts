import { localInputOf } from '../discounts/discount-draft.ts';
import { suggestHandle } from '../handles/suggest-handle.ts';
import { moneyText, parseMoneyText } from '../money/MoneyInput.tsx';
import type {
  Experiment,
  ExperimentBody,
  ExperimentMetric,
  ExperimentPointInfo,
} from './experiments-queries.ts';

/**
 * An experiment as its form holds it (docs/experiments.md): texts as typed, weights as entered,
 * amounts as decimal text, times as datetime-local text. A variant holds the fields of every
 * integration point, so choosing another point keeps what was typed. `bodyOf` reads the draft into
 * the API's shape or names the inputs it finds wrong; the server checks the rest and its refusals
 * are put on the same inputs (`experimentErrorsFrom`).
 */

/** What a variant changes, for every point at once; `bodyOf` sends the chosen point's part. */
export interface ChangeDraft {
  /** announcement_banner */
  show: boolean;
  text: string;
  link: string;
  /** product_text (the product itself is the experiment's `productId`) */
  title: string;
  description: string;
  /** price_display */
  showCompareAt: boolean;
  /** product_sections */
  order: string[];
  /** product_media_order: image ids, the first shown first; empty keeps the product's own order */
  imageOrder: string[];
  /** free_shipping_threshold: decimal text per currency; empty keeps the store's threshold */
  freeAbove: Record<string, string>;
  /** any point the console has no fields for: the change as JSON */
  json: string;
}

export interface VariantDraft {
  /** Stable across renders and removals (React key). */
  id: number;
  key: string;
  /** A new variant's key follows its name; a saved one keeps its key. */
  keyFollowsName: boolean;
  name: string;
  weight: number | string;
  change: ChangeDraft;
}

export interface ExperimentDraft {
  name: string;
  key: string;
  keyFollowsName: boolean;
  hypothesis: string;
  point: string | null;
  /** product_text, product_media_order: the product every variant changes. */
  productId: string | null;
  variants: VariantDraft[];
  audience: 'all' | 'new_visitors';
  devices: ('mobile' | 'desktop')[];
  countries: string[];
  primaryMetric: ExperimentMetric;
  secondaryMetrics: ExperimentMetric[];
  guardrailMetrics: ExperimentMetric[];
  startsAt: string;
  stopsAt: string;
}

/** Messages by input: `name`, `variants.1.weight`, `variants.1.change.text`, `productId`, … */
export type ExperimentErrors = Record<string, string>;

export const maxVariants = 10;

/** The points whose change names one product, the same in every variant (chosen once in the form). */
export const productPoints: readonly string[] = ['product_text', 'product_media_order'];

/** The sections a product_sections change orders, as the server's schema lists them. */
export function productSectionsOf(points: readonly ExperimentPointInfo[]): string[] {
  const schema = points.find((p) => p.key === 'product_sections')?.change as
    | { properties?: { order?: { items?: { enum?: unknown } } } }
    | undefined;
  const sections = schema?.properties?.order?.items?.enum;
  return Array.isArray(sections) ? sections.map(String) : [];
}

/** A variant's fields before anything is typed: the control changes nothing, the others do. */
function changeDraft(control: boolean, sections: readonly string[]): ChangeDraft {
  return {
    show: !control,
    text: '',
    link: '',
    title: '',
    description: '',
    showCompareAt: control,
    order: control ? [...sections] : [...sections].reverse(),
    imageOrder: [],
    freeAbove: {},
    json: '{}',
  };
}

let nextVariantId = 1;

export function newVariant(index: number, sections: readonly string[]): VariantDraft {
  const control = index === 0;
  const name = control ? 'Control' : `Variant ${String.fromCharCode(65 + index)}`;
  return {
    id: nextVariantId++,
    key: suggestHandle(name, 64),
    keyFollowsName: true,
    name,
    weight: 50,
    change: changeDraft(control, sections),
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A saved variant's change read into the form's fields (those of other points keep their defaults). */
function changeDraftOf(
  change: Record<string, unknown>,
  control: boolean,
  sections: readonly string[],
): ChangeDraft {
  const draft = changeDraft(control, sections);
  const freeAbove = (change.freeAbove ?? {}) as Record<string, number>;
  // `order` lists sections, or a product's images when the change names the product.
  const order = Array.isArray(change.order) ? change.order.map(String) : null;
  const ofProduct = typeof change.productId === 'string';
  return {
    ...draft,
    show: typeof change.show === 'boolean' ? change.show : draft.show,
    text: text(change.text),
    link: text(change.link),
    title: text(change.title),
    description: text(change.description),
    showCompareAt: typeof change.showCompareAt === 'boolean' ? change.showCompareAt : draft.showCompareAt,
    order: order && !ofProduct ? order : draft.order,
    imageOrder: order && ofProduct ? order : draft.imageOrder,
    freeAbove: Object.fromEntries(
      Object.entries(freeAbove).map(([currency, amount]) => [currency, moneyText(amount, currency)]),
    ),
    json: JSON.stringify(change, null, 2),
  };
}

/** The form's starting point: a saved experiment, or a two-variant 50/50 test of nothing yet. */
export function draftOf(experiment: Experiment | null, sections: readonly string[]): ExperimentDraft {
  if (!experiment) {
    return {
      name: '',
      key: '',
      keyFollowsName: true,
      hypothesis: '',
      point: null,
      productId: null,
      variants: [newVariant(0, sections), newVariant(1, sections)],
      audience: 'all',
      devices: [],
      countries: [],
      primaryMetric: 'conversion_rate',
      secondaryMetrics: [],
      guardrailMetrics: [],
      startsAt: '',
      stopsAt: '',
    };
  }
  const productId = experiment.variants[0]?.change.productId;
  return {
    name: experiment.name,
    key: experiment.key,
    keyFollowsName: false,
    hypothesis: experiment.hypothesis,
    point: experiment.point,
    productId: typeof productId === 'string' ? productId : null,
    variants: experiment.variants.map((v, i) => ({
      id: nextVariantId++,
      key: v.key,
      keyFollowsName: false,
      name: v.name,
      weight: v.weight,
      change: changeDraftOf(v.change, i === 0, sections),
    })),
    audience: experiment.targeting.audience,
    devices: experiment.targeting.devices ?? [],
    countries: experiment.targeting.countries ?? [],
    primaryMetric: experiment.primaryMetric,
    secondaryMetrics: experiment.secondaryMetrics,
    guardrailMetrics: experiment.guardrailMetrics,
    startsAt: localInputOf(experiment.startsAt),
    stopsAt: localInputOf(experiment.stopsAt),
  };
}

/** Each variant's share of visitors in whole percent (null while a weight is not a positive number). */
export function sharesOf(variants: readonly Pick<VariantDraft, 'weight'>[]): (number | null)[] {
  const weights = variants.map((v) => Number(v.weight));
  const valid = weights.every((w) => Number.isFinite(w) && w > 0);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => (valid ? Math.round((1000 * w) / total) / 10 : null));
}

/** Variant keys: kept where saved, else from the name (`variant-3` when the name has no letters), each once. */
function variantKeysOf(variants: readonly VariantDraft[]): string[] {
  const keys: string[] = [];
  variants.forEach((v, i) => {
    let key = v.keyFollowsName ? suggestHandle(v.name, 60) || `variant-${i + 1}` : v.key;
    for (let n = 2; v.keyFollowsName && keys.includes(key); n++) key = `${suggestHandle(v.name, 60)}-${n}`;
    keys.push(key);
  });
  return keys;
}

function changeOf(
  draft: ExperimentDraft,
  variant: VariantDraft,
  index: number,
  currencies: readonly string[],
  found: ExperimentErrors,
): Record<string, unknown> {
  const c = variant.change;
  const at = `variants.${index}.change`;
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  switch (draft.point) {
    case 'announcement_banner':
      // An empty text is left out, so the server says what a shown banner lacks on the text.
      return c.show ? { show: true, text: optional(c.text), link: optional(c.link) } : { show: false };
    case 'product_text':
      return {
        productId: draft.productId ?? '',
        title: optional(c.title),
        description: c.description.trim() === '' ? undefined : c.description,
      };
    case 'product_media_order':
      return {
        productId: draft.productId ?? '',
        ...(c.imageOrder.length > 0 ? { order: c.imageOrder } : {}),
      };
    case 'price_display':
      return { showCompareAt: c.showCompareAt };
    case 'product_sections':
      return { order: c.order };
    case 'free_shipping_threshold': {
      const freeAbove: Record<string, number> = {};
      for (const currency of currencies) {
        const parsed = parseMoneyText(c.freeAbove[currency] ?? '', currency, { optional: true });
        if (!parsed.ok) found[`${at}.freeAbove.${currency}`] = parsed.message;
        else if (parsed.amount !== null) freeAbove[currency] = parsed.amount;
      }
      return Object.keys(freeAbove).length > 0 ? { freeAbove } : {};
    }
    default:
      try {
        const change: unknown = JSON.parse(c.json);
        if (change && typeof change === 'object' && !Array.isArray(change)) {
          return change as Record<string, unknown>;
        }
      } catch {
        // Said on the field below.
      }
      found[at] = 'Write the change as a JSON object, e.g. {"show": true}.';
      return {};
  }
}

function readTime(value: string, field: 'startsAt' | 'stopsAt', found: ExperimentErrors): string | null {
  if (value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    found[field] = 'Choose a day and time, or leave it empty.';
    return null;
  }
  return date.toISOString();
}

/**
 * The draft as the API takes it, or the inputs found wrong: no point, no product for a product
 * test, a weight that is not a positive number, an amount or a JSON change that does not read.
 * `currencies` are those a free-shipping threshold can be given in.
 */
export function bodyOf(
  draft: ExperimentDraft,
  currencies: readonly string[],
): { ok: true; body: ExperimentBody } | { ok: false; found: ExperimentErrors } {
  const found: ExperimentErrors = {};
  if (!draft.point) found.point = 'Choose what the test changes.';
  if (draft.point === 'product_text' && !draft.productId) {
    found.productId = 'Choose the product whose text the test changes.';
  }
  if (draft.point === 'product_media_order' && !draft.productId) {
    found.productId = 'Choose the product whose images the test orders.';
  }
  const keys = variantKeysOf(draft.variants);
  const variants = draft.variants.map((variant, i) => {
    const weight = Number(variant.weight);
    if (variant.weight === '' || !Number.isFinite(weight) || weight <= 0) {
      found[`variants.${i}.weight`] = 'A weight above 0.';
    }
    return {
      key: keys[i]!,
      name: variant.name.trim(),
      weight,
      change: changeOf(draft, variant, i, currencies, found),
    };
  });
  const startsAt = readTime(draft.startsAt, 'startsAt', found);
  const stopsAt = readTime(draft.stopsAt, 'stopsAt', found);
  if (Object.keys(found).length > 0) return { ok: false, found };
  return {
    ok: true,
    body: {
      key: draft.key.trim(),
      name: draft.name.trim(),
      hypothesis: draft.hypothesis.trim(),
      point: draft.point!,
      variants,
      targeting: {
        audience: draft.audience,
        ...(draft.devices.length > 0 ? { devices: draft.devices } : {}),
        ...(draft.countries.length > 0 ? { countries: draft.countries } : {}),
      },
      primaryMetric: draft.primaryMetric,
      secondaryMetrics: draft.secondaryMetrics,
      guardrailMetrics: draft.guardrailMetrics,
      startsAt,
      stopsAt,
    },
  };
}
