/**
 * GA4's default channel groups, in the order its rules are evaluated: the first group whose rule
 * matches a session's source, medium and campaign is the session's channel. Keeping GA4's names
 * lets a manager compare Storepilot's channel report with the one in Google Analytics line by line.
 */
export const channelGroups = [
  'Direct',
  'Cross-network',
  'Paid Shopping',
  'Paid Search',
  'Paid Social',
  'Paid Video',
  'Display',
  'Paid Other',
  'Organic Shopping',
  'Organic Social',
  'Organic Video',
  'Organic Search',
  'Referral',
  'Email',
  'Affiliates',
  'Audio',
  'SMS',
  'Mobile Push Notifications',
  'Unassigned',
] as const;

export type ChannelGroup = (typeof channelGroups)[number];

/** Groups that are bought (an ad click or view); the rest are earned or owned traffic. */
export const paidChannelGroups: ReadonlySet<ChannelGroup> = new Set<ChannelGroup>([
  'Cross-network',
  'Paid Shopping',
  'Paid Search',
  'Paid Social',
  'Paid Video',
  'Display',
  'Paid Other',
  'Audio',
]);

export function isChannelGroup(value: unknown): value is ChannelGroup {
  return typeof value === 'string' && (channelGroups as readonly string[]).includes(value);
}
