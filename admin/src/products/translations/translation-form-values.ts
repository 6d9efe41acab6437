import type { ProductTranslation, TextPair, TranslationInput } from './translation-types.ts';

/** What the translation form edits: text per field, and per option and image in the product's order. */
export interface TranslationFormValues {
  title: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
  handle: string;
  options: { name: string; values: string[] }[];
  images: string[];
}

export type TranslationTextField = 'title' | 'description' | 'seoTitle' | 'seoDescription' | 'handle';

const textFields: TranslationTextField[] = ['title', 'description', 'seoTitle', 'seoDescription', 'handle'];

const shown = (pair: TextPair) => pair.value ?? '';

export function valuesFromTranslation(translation: ProductTranslation): TranslationFormValues {
  const { fields } = translation;
  return {
    title: shown(fields.title),
    description: shown(fields.description),
    seoTitle: shown(fields.seoTitle),
    seoDescription: shown(fields.seoDescription),
    handle: shown(fields.handle),
    options: translation.options.map((o) => ({ name: shown(o.name), values: o.values.map(shown) })),
    images: translation.images.map((i) => shown(i.alt)),
  };
}

const sent = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** The whole translation as the API takes it (a PUT replaces what was there). */
export function translationInputFrom(
  translation: ProductTranslation,
  values: TranslationFormValues,
): TranslationInput {
  const options: TranslationInput['options'] = {};
  for (const [o, option] of translation.options.entries()) {
    const form = values.options[o];
    options[option.name.source] = {
      name: sent(form?.name),
      values: Object.fromEntries(option.values.map((v, i) => [v.source, sent(form?.values[i])])),
    };
  }
  return {
    title: sent(values.title),
    description: sent(values.description),
    seoTitle: sent(values.seoTitle),
    seoDescription: sent(values.seoDescription),
    handle: sent(values.handle),
    options,
    images: Object.fromEntries(translation.images.map((image, i) => [image.id, sent(values.images[i])])),
  };
}

export function sameTranslationValues(a: TranslationFormValues, b: TranslationFormValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Pieces that have text in the default locale but none here, as the form stands (the server's rule:
 * a localized handle is never required). Paths as the API names them.
 */
export function untranslatedPaths(translation: ProductTranslation, values: TranslationFormValues): string[] {
  const missing: string[] = [];
  const check = (path: string, source: string, value: string | undefined) => {
    if (source.trim() && !value?.trim()) missing.push(path);
  };
  for (const field of textFields) {
    if (field !== 'handle') check(field, translation.fields[field].source, values[field]);
  }
  for (const [o, option] of translation.options.entries()) {
    check(`options.${o}.name`, option.name.source, values.options[o]?.name);
    for (const [v, value] of option.values.entries()) {
      check(`options.${o}.values.${v}`, value.source, values.options[o]?.values[v]);
    }
  }
  for (const [i, image] of translation.images.entries())
    check(`images.${i}.alt`, image.alt.source, values.images[i]);
  return missing;
}
