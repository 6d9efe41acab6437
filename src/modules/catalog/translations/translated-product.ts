import type { Product, ProductDetail } from '../product-detail.ts';
import {
  IMAGE_ALT_FIELD,
  optionNameField,
  optionValueField,
  type TranslationTexts,
} from './translatable-fields.ts';

/**
 * A product as a page in another locale shows it: every translated piece replaces the default-locale
 * text, and what is not translated falls back to the default locale. One exception keeps pages in
 * one language where it can: an untranslated SEO title is dropped when the title is translated (the
 * page title is then made from the translated title), and likewise the SEO description when the
 * description is translated.
 */
export function translatedProduct(
  product: Product,
  fields: ReadonlyMap<string, string> | undefined,
): Product {
  if (!fields || fields.size === 0) return product;
  const text = (field: string) => fields.get(field)?.trim() || undefined;
  const title = text('title');
  const description = text('description');
  return {
    ...product,
    title: title ?? product.title,
    description: description ?? product.description,
    seoTitle: text('seoTitle') ?? (title ? null : product.seoTitle),
    seoDescription: text('seoDescription') ?? (description ? null : product.seoDescription),
    handle: text('handle') ?? product.handle,
    options: product.options.map((option) => ({
      name: text(optionNameField(option.name)) ?? option.name,
      values: option.values.map((value) => text(optionValueField(option.name, value)) ?? value),
    })),
  };
}

/** The product, its variants' option values and its images' alt text in one locale. */
export function translatedProductDetail(detail: ProductDetail, texts: TranslationTexts): ProductDetail {
  const fields = texts.get(detail.product.id);
  const sourceOptions = detail.product.options;
  const valueIn = (position: number, value: string) => {
    const option = sourceOptions[position];
    if (!option || value === '') return value;
    return fields?.get(optionValueField(option.name, value))?.trim() || value;
  };
  return {
    product: translatedProduct(detail.product, fields),
    variants: detail.variants.map((v) => ({
      ...v,
      option1: valueIn(0, v.option1),
      option2: valueIn(1, v.option2),
      option3: valueIn(2, v.option3),
    })),
    images: detail.images.map((image) => ({
      ...image,
      alt: texts.get(image.id)?.get(IMAGE_ALT_FIELD)?.trim() || image.alt,
    })),
  };
}
