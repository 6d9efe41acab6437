import { classifyLink, siteHost } from '../internal-links.ts';
import { THIN_DESCRIPTION_MIN_WORDS } from '../seo-thresholds.ts';
import { countWords } from '../word-count.ts';
import { plural, type SeoRule } from './seo-rule.ts';

export const thinDescription: SeoRule = {
  code: 'thin_description',
  severity: 'warning',
  weight: 12,
  field: 'descriptionHtml',
  check(p) {
    const words = countWords(p.content.text, p.product.locale);
    if (words >= THIN_DESCRIPTION_MIN_WORDS) return null;
    return {
      message:
        `The description has ${plural(words, 'word', 'words')}; with fewer than ${THIN_DESCRIPTION_MIN_WORDS} ` +
        'the page gives search engines and shoppers little to go on.',
      fix: `Expand the description to at least ${THIN_DESCRIPTION_MIN_WORDS} words: what it is, what it is made of, sizes, use and care.`,
      measured: { words, limitWords: THIN_DESCRIPTION_MIN_WORDS },
    };
  },
};

export const noImages: SeoRule = {
  code: 'no_images',
  severity: 'critical',
  weight: 15,
  field: 'images',
  check(p) {
    if (p.product.images.length > 0) return null;
    return {
      message: 'The product has no images, so it cannot appear in image search, Shopping or rich results.',
      fix: 'Add at least one clear product photo, ideally on a plain background.',
      measured: { images: 0 },
    };
  },
};

export const imagesMissingAlt: SeoRule = {
  code: 'images_missing_alt',
  severity: 'warning',
  weight: 6,
  field: 'images',
  check(p) {
    const images = p.product.images;
    const missing: number[] = [];
    images.forEach((image, index) => {
      if (!image.alt || image.alt.trim() === '') missing.push(index);
    });
    if (missing.length === 0) return null;
    return {
      // The verb agrees with the missing count: "1 of 2 images has", "2 of 4 images have".
      message: `${missing.length} of ${plural(images.length, 'image', 'images')} ${missing.length === 1 ? 'has' : 'have'} no alt text, so search engines and screen readers cannot tell what they show.`,
      fix: 'Describe each image in a few words in its alt text, such as the product name and colour.',
      measured: { missing: missing.length, images: images.length, imageIndexes: missing },
      extent: missing.length / images.length,
    };
  },
};

export const brokenInternalLinks: SeoRule = {
  code: 'broken_internal_links',
  severity: 'critical',
  weight: 8,
  field: 'descriptionHtml',
  check(p, context) {
    if (p.content.links.length === 0) return null;
    let pageUrl: URL;
    try {
      pageUrl = new URL(p.product.urlPath, p.product.baseUrl);
    } catch {
      return null;
    }
    const host = siteHost(pageUrl.hostname);
    const ownPath = classifyLink(pageUrl.href, pageUrl, host);
    const broken: string[] = [];
    for (const href of p.content.links) {
      const target = classifyLink(href, pageUrl, host);
      if (target.kind !== 'internal') continue;
      if (context.validPaths.has(target.path)) continue;
      if (ownPath.kind === 'internal' && target.path === ownPath.path) continue;
      if (!broken.includes(href)) broken.push(href);
    }
    if (broken.length === 0) return null;
    return {
      message:
        broken.length === 1
          ? `A link in the description points to a page this store does not have: ${broken[0]}.`
          : `${broken.length} links in the description point to pages this store does not have: ${broken.join(', ')}.`,
      fix: 'Point each link at an existing product, collection or page, or remove it.',
      measured: { links: broken, count: broken.length },
    };
  },
};
