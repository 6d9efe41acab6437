import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arrivingTraffic, type LandingRequest } from './arriving-traffic.ts';

const ownHosts = ['shop.example.com'];
const landing = (query: string, referrer: string | null = null): LandingRequest => ({
  landingUrl: `https://shop.example.com/products/linen-shirt${query}`,
  referrer,
  ownHosts,
});
const pick = (request: LandingRequest) => {
  const traffic = arrivingTraffic(request);
  return traffic && { source: traffic.source, medium: traffic.medium, channel: traffic.channel };
};

describe('arrivingTraffic: UTM tags', () => {
  it('takes source, medium, campaign, term and content from the UTM parameters', () => {
    const traffic = arrivingTraffic(
      landing(
        '?utm_source=newsletter&utm_medium=email&utm_campaign=spring-sale&utm_term=linen&utm_content=hero',
      ),
    );
    assert.deepEqual(traffic, {
      source: 'newsletter',
      medium: 'email',
      campaign: 'spring-sale',
      term: 'linen',
      content: 'hero',
      channel: 'Email',
      referrerHost: null,
      basis: 'utm',
      clickIdParam: null,
    });
  });

  it('wins over the referrer, and reads parameter names without regard to case', () => {
    assert.deepEqual(pick(landing('?UTM_Source=facebook&Utm_Medium=paid', 'https://m.facebook.com/')), {
      source: 'facebook',
      medium: 'paid',
      channel: 'Paid Social',
    });
  });

  it('marks a missing source or medium as (not set)', () => {
    assert.deepEqual(pick(landing('?utm_medium=cpc')), {
      source: '(not set)',
      medium: 'cpc',
      channel: 'Paid Other',
    });
    assert.deepEqual(pick(landing('?utm_source=partner-blog')), {
      source: 'partner-blog',
      medium: '(not set)',
      channel: 'Unassigned',
    });
  });

  it('ignores empty tags', () => {
    assert.equal(arrivingTraffic(landing('?utm_source=&utm_medium=%20')), null);
  });
});

describe('arrivingTraffic: click ids', () => {
  it('reads gclid, gbraid and wbraid as google / cpc, over manual tags (auto-tagging wins in GA4)', () => {
    for (const param of ['gclid', 'gbraid', 'wbraid']) {
      assert.deepEqual(pick(landing(`?${param}=Cj0KCQ`)), {
        source: 'google',
        medium: 'cpc',
        channel: 'Paid Search',
      });
    }
    const traffic = arrivingTraffic(
      landing('?gclid=abc&utm_source=newsletter&utm_medium=email&utm_campaign=x'),
    );
    assert.equal(traffic?.source, 'google');
    assert.equal(traffic?.medium, 'cpc');
    assert.equal(traffic?.campaign, 'x');
    assert.equal(traffic?.basis, 'click_id');
    assert.equal(traffic?.clickIdParam, 'gclid');
  });

  it('reads msclkid as bing / cpc and ttclid as tiktok / cpc', () => {
    assert.deepEqual(pick(landing('?msclkid=1f2e')), {
      source: 'bing',
      medium: 'cpc',
      channel: 'Paid Search',
    });
    assert.deepEqual(pick(landing('?ttclid=E.C.P')), {
      source: 'tiktok',
      medium: 'cpc',
      channel: 'Paid Social',
    });
  });

  it('reads fbclid alone as a Facebook referral, and lets UTM tags say when it was an ad', () => {
    assert.deepEqual(pick(landing('?fbclid=IwAR0')), {
      source: 'facebook',
      medium: 'referral',
      channel: 'Organic Social',
    });
    assert.deepEqual(
      pick(landing('?fbclid=IwAR0&utm_source=facebook&utm_medium=paid&utm_campaign=retarget')),
      {
        source: 'facebook',
        medium: 'paid',
        channel: 'Paid Social',
      },
    );
    assert.deepEqual(pick(landing('?fbclid=IwAR0&utm_source=ig&utm_medium=cpc')), {
      source: 'ig',
      medium: 'cpc',
      channel: 'Paid Social',
    });
  });
});

describe('arrivingTraffic: referrer', () => {
  it('makes a search engine organic search, subdomains and country domains included', () => {
    assert.deepEqual(pick(landing('', 'https://www.google.co.uk/')), {
      source: 'google',
      medium: 'organic',
      channel: 'Organic Search',
    });
    assert.deepEqual(pick(landing('', 'https://www.bing.com/search?q=linen+shirt')), {
      source: 'bing',
      medium: 'organic',
      channel: 'Organic Search',
    });
    assert.deepEqual(pick(landing('', 'https://duckduckgo.com/')), {
      source: 'duckduckgo',
      medium: 'organic',
      channel: 'Organic Search',
    });
  });

  it('makes a social site a social referral under the site’s name', () => {
    assert.deepEqual(pick(landing('', 'https://l.instagram.com/?u=x')), {
      source: 'instagram',
      medium: 'referral',
      channel: 'Organic Social',
    });
    assert.deepEqual(pick(landing('', 'https://m.facebook.com/')), {
      source: 'facebook',
      medium: 'referral',
      channel: 'Organic Social',
    });
    assert.deepEqual(pick(landing('', 'https://t.co/AbC')), {
      source: 'twitter',
      medium: 'referral',
      channel: 'Organic Social',
    });
  });

  it('makes any other site a referral under its host, without www', () => {
    const traffic = arrivingTraffic(landing('', 'https://www.Linen-Blog.example/post/1'));
    assert.equal(traffic?.source, 'linen-blog.example');
    assert.equal(traffic?.medium, 'referral');
    assert.equal(traffic?.channel, 'Referral');
    assert.equal(traffic?.referrerHost, 'www.linen-blog.example');
    // Webmail is not a search engine.
    assert.deepEqual(pick(landing('', 'https://mail.google.com/')), {
      source: 'mail.google.com',
      medium: 'referral',
      channel: 'Referral',
    });
  });

  it('carries no new source from the store’s own hosts, their subdomains or payment pages', () => {
    assert.equal(arrivingTraffic(landing('', 'https://shop.example.com/collections/shirts')), null);
    assert.equal(arrivingTraffic(landing('', 'https://www.shop.example.com/')), null);
    assert.equal(arrivingTraffic(landing('', 'https://checkout.shop.example.com/')), null);
    assert.equal(arrivingTraffic(landing('', 'https://www.paypal.com/checkoutnow')), null);
    // The landing page's own host counts even when the caller did not list it.
    assert.equal(
      arrivingTraffic({
        landingUrl: 'https://other.example.net/',
        referrer: 'https://other.example.net/a',
        ownHosts: [],
      }),
      null,
    );
    assert.equal(
      arrivingTraffic({
        landingUrl: '/',
        referrer: 'http://localhost:3000/cart',
        ownHosts: ['localhost:3000'],
      }),
      null,
    );
    // The parent domain is another site (the brand's blog), not the store.
    assert.equal(arrivingTraffic(landing('', 'https://example.com/'))?.channel, 'Referral');
  });

  it('carries no source without tags or a readable referrer (typed address, bookmark)', () => {
    assert.equal(arrivingTraffic(landing('')), null);
    assert.equal(arrivingTraffic(landing('', '')), null);
    assert.equal(arrivingTraffic(landing('', 'not a url')), null);
    assert.equal(arrivingTraffic(landing('', 'android-app://com.example.app/')), null);
    assert.equal(arrivingTraffic({ landingUrl: '/products?x=1', ownHosts }), null);
  });

  it('reads a relative landing path with tags', () => {
    assert.deepEqual(pick({ landingUrl: '/?utm_source=Bing&utm_medium=CPC', ownHosts }), {
      source: 'Bing',
      medium: 'CPC',
      channel: 'Paid Search',
    });
  });
});
