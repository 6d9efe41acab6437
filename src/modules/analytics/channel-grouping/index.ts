/**
 * Public face of channel grouping: which GA4 default channel a session's source, medium and
 * campaign belong to, and which source a landing request carries (UTM tags, click ids, referrer).
 */
export { type ArrivingTraffic, arrivingTraffic, type LandingRequest } from './arriving-traffic.ts';
export { channelGroup, type TrafficTags } from './channel-group.ts';
export { type ChannelGroup, channelGroups, isChannelGroup, paidChannelGroups } from './channel-groups.ts';
export { type KnownSite, knownSites, paymentReturnHosts, type SourceCategory } from './source-categories.ts';
export { hostOfSource, knownSiteOf, sourceCategoryOf } from './source-site.ts';
