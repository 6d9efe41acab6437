import type { StorefrontSite } from '../site.ts';

export function searchPath(site: StorefrontSite): string {
  return `${site.basePath}/search`;
}

export function categoryPath(site: StorefrontSite, handle: string): string {
  return `${site.basePath}/categories/${encodeURIComponent(handle)}`;
}

export function collectionPath(site: StorefrontSite, handle: string): string {
  return `${site.basePath}/collections/${encodeURIComponent(handle)}`;
}
