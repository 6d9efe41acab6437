import { duplicateKey, otherOwners } from '../audit-context.ts';
import { collapseWhitespace } from '../seo-thresholds.ts';
import { plural, quote, type SeoRule } from './seo-rule.ts';

export const duplicateTitle: SeoRule = {
  code: 'duplicate_title',
  severity: 'critical',
  weight: 10,
  field: 'title',
  check(p, context) {
    if (p.product.status === 'archived') return null;
    const others = otherOwners(context.titleOwners, duplicateKey(p.product.title), p.product.id);
    if (others.count === 0) return null;
    return {
      message:
        `The title ${quote(collapseWhitespace(p.product.title))} is also used by ${plural(others.count, 'other product', 'other products')}, ` +
        'so search engines cannot tell the pages apart.',
      fix: 'Make the title unique, for example by naming the colour, size, material or model.',
      measured: { otherProducts: others.count, otherProductIds: others.sample },
    };
  },
};

export const duplicateMetaTitle: SeoRule = {
  code: 'duplicate_meta_title',
  severity: 'critical',
  weight: 10,
  field: 'seoTitle',
  check(p, context) {
    if (p.product.status === 'archived') return null;
    // With no meta title of its own, a product whose product title is already a duplicate has one
    // problem, not two: `duplicate_title` reports it and fixing the title fixes both.
    if (p.metaTitle.fromFallback) {
      const titleTwins = otherOwners(context.titleOwners, duplicateKey(p.product.title), p.product.id);
      if (titleTwins.count > 0) return null;
    }
    const others = otherOwners(context.metaTitleOwners, duplicateKey(p.metaTitle.text), p.product.id);
    if (others.count === 0) return null;
    return {
      message:
        `The meta title ${quote(p.metaTitle.text)} is shown for ${plural(others.count, 'other product', 'other products')} too, ` +
        'so their search results look identical and compete with each other.',
      fix: 'Give this product its own meta title that names what makes it different.',
      measured: { otherProducts: others.count, otherProductIds: others.sample },
    };
  },
};
