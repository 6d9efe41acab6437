import { imageSrc } from '../media/image-source.ts';
import type { ProductDetail, ProductImage, ProductVariant } from '../product-detail.ts';
import type { ProductContent } from './product-content.ts';

/**
 * The product as it would be with the proposed content, in the stored shape, so every reader of
 * products (the admin form, previews) can show a staged revision exactly like a product. Rows the
 * revision adds get placeholder ids (`new-…`); they are not stored anywhere.
 */
export function proposedProduct(live: ProductDetail, content: ProductContent): ProductDetail {
  const { product } = live;
  const images: ProductImage[] = content.images.map((image, i) => {
    const kept = live.images.find((row) => row.sourceUrl === image.url || imageSrc(row) === image.url);
    return {
      ...(kept ?? {
        id: `new-image-${i + 1}`,
        storeId: product.storeId,
        productId: product.id,
        mediaKey: null,
        width: null,
        height: null,
        createdAt: product.updatedAt,
      }),
      position: i + 1,
      sourceUrl: kept ? kept.sourceUrl : image.url,
      alt: image.alt,
    };
  });
  const variants: ProductVariant[] = content.variants.map((variant, i) => {
    const kept = variant.id ? live.variants.find((row) => row.id === variant.id) : undefined;
    const [option1 = '', option2 = '', option3 = ''] = variant.optionValues;
    return {
      ...(kept ?? {
        id: `new-variant-${i + 1}`,
        storeId: product.storeId,
        productId: product.id,
        createdAt: product.updatedAt,
        updatedAt: product.updatedAt,
      }),
      position: i + 1,
      sku: variant.sku,
      barcode: variant.barcode,
      option1,
      option2,
      option3,
      priceAmount: variant.price.amount,
      compareAtAmount: variant.compareAtPrice?.amount ?? null,
      costAmount: variant.cost?.amount ?? null,
      weightGrams: variant.weightGrams,
      requiresShipping: variant.requiresShipping,
      taxable: variant.taxable,
      taxClass: variant.taxClass,
      inventoryPolicy: variant.inventoryPolicy,
      imageId: variant.imagePosition ? (images[variant.imagePosition - 1]?.id ?? null) : null,
    };
  });
  const prices = variants.map((v) => v.priceAmount);
  return {
    product: {
      ...product,
      title: content.title,
      handle: content.handle,
      description: content.description,
      seoTitle: content.seoTitle,
      seoDescription: content.seoDescription,
      focusKeyword: content.focusKeyword,
      vendor: content.vendor,
      productType: content.productType,
      tags: content.tags,
      categoryId: content.categoryId,
      options: content.options,
      priceAmount: prices.length ? Math.min(...prices) : 0,
      priceMaxAmount: prices.length ? Math.max(...prices) : 0,
      imageUrl: images[0] ? imageSrc(images[0]) : null,
    },
    variants,
    images,
  };
}
