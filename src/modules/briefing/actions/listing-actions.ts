import type { Db } from '../../../platform/db/database.ts';
import { listingGaps } from '../../catalog/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';
import { plural } from './action-wording.ts';

/**
 * Listings that lose search traffic and sales: active products without an image, or with a thin
 * description (the SEO audit's rules). Work for the week, each opening the audit on its rule.
 */
export async function listingActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  const gaps = await listingGaps(db, context.store.id);
  const actions: BriefingAction[] = [];
  if (gaps.withoutImages > 0) {
    actions.push({
      kind: 'listings',
      urgency: 'this_week',
      title: `Add images to ${plural(gaps.withoutImages, 'listing', 'listings')}`,
      detail: `${plural(gaps.withoutImages, 'active product has', 'active products have')} no picture: they stay out of image search and Shopping results.`,
      link: `${adminPath(context.store.handle, 'seo')}?rule=no_images`,
      atStake: null,
    });
  }
  if (gaps.thinDescriptions > 0) {
    actions.push({
      kind: 'listings',
      urgency: 'this_week',
      title: `Write descriptions for ${plural(gaps.thinDescriptions, 'listing', 'listings')}`,
      detail: `${plural(gaps.thinDescriptions, 'active product has', 'active products have')} fewer than 50 words of description, out of ${gaps.activeProducts}.`,
      link: `${adminPath(context.store.handle, 'seo')}?rule=thin_description`,
      atStake: null,
    });
  }
  return actions;
}
