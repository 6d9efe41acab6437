import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channelGroup, type TrafficTags } from './channel-group.ts';
import { type ChannelGroup, channelGroups } from './channel-groups.ts';

// Expected groups follow the rules Google publishes for GA4's default channel group ("[GA4] Default
// channel group", support.google.com/analytics/answer/9756891): one row per rule, in its order.
const ruleTable: Array<[TrafficTags, ChannelGroup, string]> = [
  [{ source: '(direct)', medium: '(none)' }, 'Direct', 'source (direct), medium (none)'],
  [{ source: '(direct)', medium: '(not set)' }, 'Direct', 'source (direct), medium (not set)'],
  [
    { source: 'google', medium: 'cpc', campaign: 'PMax | Cross-network | Spring' },
    'Cross-network',
    'campaign contains cross-network, before any paid rule',
  ],
  [{ source: 'amazon', medium: 'cpc' }, 'Paid Shopping', 'shopping site + paid medium'],
  [
    { source: 'google', medium: 'cpc', campaign: 'shopping_bestsellers' },
    'Paid Shopping',
    'shopping campaign name + paid medium, before Paid Search',
  ],
  [{ source: 'google', medium: 'cpc' }, 'Paid Search', 'search site + cp.* medium'],
  [{ source: 'bing', medium: 'ppc' }, 'Paid Search', 'search site + ppc'],
  [{ source: 'duckduckgo', medium: 'retargeting' }, 'Paid Search', 'search site + retargeting'],
  [{ source: 'facebook', medium: 'paid_social' }, 'Paid Social', 'social site + paid.*'],
  [{ source: 'tiktok', medium: 'cpc' }, 'Paid Social', 'social site + cpc'],
  [{ source: 'youtube', medium: 'cpv' }, 'Paid Video', 'video site + cp.*'],
  [{ source: 'criteo', medium: 'display' }, 'Display', 'medium display'],
  [{ source: 'adnetwork', medium: 'banner' }, 'Display', 'medium banner'],
  [{ source: 'adnetwork', medium: 'expandable' }, 'Display', 'medium expandable'],
  [{ source: 'adnetwork', medium: 'interstitial' }, 'Display', 'medium interstitial'],
  [{ source: 'adnetwork', medium: 'cpm' }, 'Display', 'cpm is Display although cp.* matches it'],
  [{ source: 'newsletter-partner', medium: 'cpa' }, 'Paid Other', 'paid medium, unknown source'],
  [{ source: 'spotify', medium: 'paid' }, 'Paid Other', 'paid, not a known category'],
  [{ source: 'ebay', medium: 'referral' }, 'Organic Shopping', 'shopping site, unpaid'],
  [{ source: 'blog', medium: 'post', campaign: 'shop-the-look' }, 'Organic Shopping', 'shop campaign name'],
  [{ source: 'instagram', medium: 'referral' }, 'Organic Social', 'social site'],
  [{ source: 'mastodon.social', medium: 'social' }, 'Organic Social', 'medium social'],
  [{ source: 'forum', medium: 'social-network' }, 'Organic Social', 'medium social-network'],
  [{ source: 'forum', medium: 'sm' }, 'Organic Social', 'medium sm'],
  [{ source: 'vimeo', medium: 'referral' }, 'Organic Video', 'video site'],
  [{ source: 'partner', medium: 'video_embed' }, 'Organic Video', 'medium contains video'],
  [{ source: 'google', medium: 'organic' }, 'Organic Search', 'search site, organic'],
  [{ source: 'ecosia.org', medium: 'referral' }, 'Organic Search', 'search site, referral medium'],
  [{ source: 'localguide', medium: 'organic' }, 'Organic Search', 'medium organic, unknown source'],
  [{ source: 'example.com', medium: 'referral' }, 'Referral', 'medium referral'],
  [{ source: 'partner-app', medium: 'app' }, 'Referral', 'medium app'],
  [{ source: 'linktree', medium: 'link' }, 'Referral', 'medium link'],
  [{ source: 'newsletter', medium: 'email' }, 'Email', 'medium email'],
  [{ source: 'e-mail', medium: 'weekly' }, 'Email', 'source e-mail'],
  [{ source: 'crm', medium: 'e_mail' }, 'Email', 'medium e_mail'],
  [{ source: 'crm', medium: 'e mail' }, 'Email', 'medium "e mail"'],
  [{ source: 'awin', medium: 'affiliate' }, 'Affiliates', 'medium affiliate'],
  [{ source: 'podcast-network', medium: 'audio' }, 'Audio', 'medium audio'],
  [{ source: 'sms', medium: 'text' }, 'SMS', 'source sms'],
  [{ source: 'attentive', medium: 'sms' }, 'SMS', 'medium sms'],
  [{ source: 'app', medium: 'web-push' }, 'Mobile Push Notifications', 'medium ends with push'],
  [{ source: 'app', medium: 'mobile' }, 'Mobile Push Notifications', 'medium contains mobile'],
  [{ source: 'app', medium: 'notification' }, 'Mobile Push Notifications', 'medium contains notification'],
  [{ source: 'firebase', medium: 'inbox' }, 'Mobile Push Notifications', 'source firebase'],
  [{ source: 'flyer', medium: 'qr' }, 'Unassigned', 'nothing matches'],
];

describe('channelGroup: one case per GA4 rule', () => {
  for (const [tags, expected, why] of ruleTable) {
    it(`${JSON.stringify(tags)} → ${expected} (${why})`, () => {
      assert.equal(channelGroup(tags), expected);
    });
  }

  it('covers every channel group in the table', () => {
    const covered = new Set(ruleTable.map(([, group]) => group));
    assert.deepEqual(
      channelGroups.filter((group) => !covered.has(group)),
      [],
    );
  });
});

describe('channelGroup: edge cases', () => {
  it('ignores case and surrounding spaces', () => {
    assert.equal(channelGroup({ source: ' Google ', medium: 'CPC' }), 'Paid Search');
    assert.equal(channelGroup({ source: 'FaceBook', medium: 'Paid' }), 'Paid Social');
    assert.equal(channelGroup({ source: 'NEWSLETTER', medium: 'Email' }), 'Email');
    assert.equal(
      channelGroup({ source: 'x', medium: 'x', campaign: 'Summer CROSS-NETWORK' }),
      'Cross-network',
    );
  });

  it('reads missing values as not set: nothing at all is Direct, a medium alone still counts', () => {
    assert.equal(channelGroup({}), 'Direct');
    assert.equal(channelGroup({ source: null, medium: null, campaign: null }), 'Direct');
    assert.equal(channelGroup({ source: '', medium: '  ' }), 'Direct');
    assert.equal(channelGroup({ source: 'direct' }), 'Direct');
    assert.equal(channelGroup({ medium: 'cpc' }), 'Paid Other');
    assert.equal(channelGroup({ medium: 'email' }), 'Email');
    // A search engine without a medium is still organic search (GA4's "source matches a list").
    assert.equal(channelGroup({ source: 'google' }), 'Organic Search');
    assert.equal(channelGroup({ source: 'some-blog.example' }), 'Unassigned');
  });

  it('is Direct only when the medium is unset too', () => {
    assert.equal(channelGroup({ source: '(direct)', medium: 'email' }), 'Email');
  });

  it('recognises hosts and subdomains of known sites', () => {
    assert.equal(channelGroup({ source: 'm.facebook.com', medium: 'referral' }), 'Organic Social');
    assert.equal(channelGroup({ source: 'l.instagram.com', medium: 'referral' }), 'Organic Social');
    assert.equal(channelGroup({ source: 'lm.facebook.com', medium: 'cpc' }), 'Paid Social');
    assert.equal(channelGroup({ source: 'www.google.co.uk', medium: 'referral' }), 'Organic Search');
    assert.equal(channelGroup({ source: 'google.com.br', medium: 'cpc' }), 'Paid Search');
    assert.equal(channelGroup({ source: 'uk.search.yahoo.com', medium: 'referral' }), 'Organic Search');
    assert.equal(channelGroup({ source: 'm.youtube.com', medium: 'referral' }), 'Organic Video');
    assert.equal(channelGroup({ source: 'www.amazon.co.jp', medium: 'referral' }), 'Organic Shopping');
    assert.equal(channelGroup({ source: 't.co', medium: 'referral' }), 'Organic Social');
    assert.equal(
      channelGroup({ source: 'https://www.linkedin.com/feed/', medium: 'referral' }),
      'Organic Social',
    );
  });

  it('does not mistake look-alikes or a site’s other services for the category', () => {
    assert.equal(channelGroup({ source: 'mail.google.com', medium: 'referral' }), 'Referral');
    assert.equal(channelGroup({ source: 'googleadservices.com', medium: 'referral' }), 'Referral');
    assert.equal(channelGroup({ source: 'google.example.com', medium: 'referral' }), 'Referral');
    assert.equal(channelGroup({ source: 'notfacebook.com', medium: 'referral' }), 'Referral');
    assert.equal(channelGroup({ source: 'facebook.com.evil.io', medium: 'referral' }), 'Referral');
  });

  it('reads the shopping campaign pattern as GA4 writes it', () => {
    // "shop" must start the name or follow a character that is not a letter other than e:
    // "workshop" and "bookshop" are not shopping campaigns, "eshop" and "winter_shop" are.
    assert.equal(channelGroup({ source: 'blog', medium: 'post', campaign: 'workshop' }), 'Unassigned');
    assert.equal(channelGroup({ source: 'blog', medium: 'post', campaign: 'bookshop' }), 'Unassigned');
    assert.equal(channelGroup({ source: 'blog', medium: 'post', campaign: 'eshop' }), 'Organic Shopping');
    assert.equal(
      channelGroup({ source: 'blog', medium: 'post', campaign: 'winter_shop' }),
      'Organic Shopping',
    );
    assert.equal(
      channelGroup({ source: 'blog', medium: 'post', campaign: 'Christmas Shopping' }),
      'Organic Shopping',
    );
  });

  it('keeps GA4’s order where two rules match', () => {
    // Paid Search is tested before Display, so a search engine with cpm is still paid search.
    assert.equal(channelGroup({ source: 'bing', medium: 'cpm' }), 'Paid Search');
    // Organic Video comes before Organic Search: a search engine with a video medium is video.
    assert.equal(channelGroup({ source: 'google', medium: 'video' }), 'Organic Video');
    // Referral comes before Email.
    assert.equal(channelGroup({ source: 'email', medium: 'referral' }), 'Referral');
    // A tag like social_paid does not match ^paid.* — GA4 files it as organic social.
    assert.equal(channelGroup({ source: 'facebook', medium: 'social_paid' }), 'Organic Social');
  });
});
