import type { ChannelGroup } from './channel-groups.ts';
import { sourceCategoryOf } from './source-site.ts';

/** What a session (or a touchpoint) says about where it came from, as tagged or derived. */
export interface TrafficTags {
  source?: string | null;
  medium?: string | null;
  campaign?: string | null;
}

// GA4's published patterns for the default channel group, matched against lower-cased values.
const paidMedium = /^(.*cp.*|ppc|retargeting|paid.*)$/;
const shoppingCampaign = /^(.*(([^a-df-z]|^)shop|shopping).*)$/;
const videoMedium = /^(.*video.*)$/;
const displayMediums = new Set(['display', 'banner', 'expandable', 'interstitial', 'cpm']);
const socialMediums = new Set([
  'social',
  'social-network',
  'social-media',
  'sm',
  'social network',
  'social media',
]);
const referralMediums = new Set(['referral', 'app', 'link']);
const emailValues = new Set(['email', 'e-mail', 'e_mail', 'e mail']);
const notSet = new Set(['', '(none)', '(not set)']);

const normalised = (value: string | null | undefined) => (value ?? '').trim().toLowerCase();

/**
 * The GA4 default channel group of a source / medium / campaign. The rules run in GA4's order and
 * the first that matches wins; values are compared without regard to case or surrounding spaces.
 * No source and no medium (or GA4's own "(direct)" / "(none)") is Direct; "direct" without
 * brackets is read the same way, since hand-written tags use it.
 */
export function channelGroup(tags: TrafficTags): ChannelGroup {
  const source = normalised(tags.source);
  const medium = normalised(tags.medium);
  const campaign = normalised(tags.campaign);

  if ((notSet.has(source) || source === '(direct)' || source === 'direct') && notSet.has(medium))
    return 'Direct';
  if (campaign.includes('cross-network')) return 'Cross-network';

  const category = sourceCategoryOf(source);
  const shopping = category === 'shopping' || shoppingCampaign.test(campaign);
  if (paidMedium.test(medium)) {
    if (shopping) return 'Paid Shopping';
    if (category === 'search') return 'Paid Search';
    if (category === 'social') return 'Paid Social';
    if (category === 'video') return 'Paid Video';
  }
  // GA4 tests Display before Paid Other, so "cpm" (which the paid pattern also matches) is Display.
  if (displayMediums.has(medium)) return 'Display';
  if (paidMedium.test(medium)) return 'Paid Other';
  if (shopping) return 'Organic Shopping';
  if (category === 'social' || socialMediums.has(medium)) return 'Organic Social';
  if (category === 'video' || videoMedium.test(medium)) return 'Organic Video';
  if (category === 'search' || medium === 'organic') return 'Organic Search';
  if (referralMediums.has(medium)) return 'Referral';
  if (emailValues.has(source) || emailValues.has(medium)) return 'Email';
  if (medium === 'affiliate') return 'Affiliates';
  if (medium === 'audio') return 'Audio';
  if (source === 'sms' || medium === 'sms') return 'SMS';
  if (medium.endsWith('push') || medium.includes('mobile') || medium.includes('notification')) {
    return 'Mobile Push Notifications';
  }
  if (source === 'firebase') return 'Mobile Push Notifications';
  return 'Unassigned';
}
