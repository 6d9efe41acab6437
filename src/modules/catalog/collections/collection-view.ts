import type { Collection } from './membership.ts';

/** The storefront path of a collection (stores on their own domain also answer under /s/:store). */
export function collectionStorefrontPath(storeHandle: string, collectionHandle: string): string {
  return `/s/${storeHandle}/collections/${collectionHandle}`;
}

/** A collection as the admin API shows it. */
export function collectionView(collection: Collection, storeHandle: string) {
  return {
    id: collection.id,
    handle: collection.handle,
    title: collection.title,
    description: collection.description,
    kind: collection.kind,
    match: collection.match,
    rules: collection.rules,
    sortOrder: collection.sortOrder,
    seoTitle: collection.seoTitle,
    seoDescription: collection.seoDescription,
    imageUrl: collection.imageUrl,
    imageAlt: collection.imageAlt,
    createdAt: collection.createdAt,
    updatedAt: collection.updatedAt,
    storefrontUrl: collectionStorefrontPath(storeHandle, collection.handle),
  };
}
