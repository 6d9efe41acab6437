import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviceClass, notAVisit } from './device-class.ts';
import {
  continueOrStartSession,
  decodeSessionCookie,
  directSource,
  encodeSessionCookie,
  isVisitorId,
  newVisitorId,
  type TrafficSource,
} from './visit.ts';

const newsletter: TrafficSource = {
  source: 'newsletter',
  medium: 'email',
  campaign: 'november',
  term: null,
  content: null,
  channel: 'Email',
  referrerHost: null,
};

test('a first request starts a session from where it came, or Direct', () => {
  const fromMail = continueOrStartSession(null, newsletter, '/products/lamp');
  assert.equal(fromMail.started, true);
  assert.equal(fromMail.session.channel, 'Email');
  assert.equal(fromMail.session.landingPath, '/products/lamp');
  const typed = continueOrStartSession(null, null, '/');
  assert.equal(typed.session.channel, 'Direct');
  assert.equal(typed.session.source, null);
});

test('clicks inside the store and the same campaign continue the session; a new campaign starts one', () => {
  const { session } = continueOrStartSession(null, newsletter, '/');
  const inside = continueOrStartSession(session, null, '/cart');
  assert.equal(inside.started, false);
  assert.equal(inside.session.id, session.id);
  assert.equal(inside.session.landingPath, '/', 'the landing page stays the first page');
  assert.equal(continueOrStartSession(session, { ...newsletter }, '/x').started, false);
  const other = continueOrStartSession(session, { ...newsletter, campaign: 'december' }, '/x');
  assert.equal(other.started, true);
  assert.notEqual(other.session.id, session.id);
  assert.equal(other.session.campaign, 'december');
});

test('the session cookie carries the session whole, and refuses what it did not write', () => {
  const { session } = continueOrStartSession(null, { ...newsletter, campaign: 'ünïcode "quoted"' }, '/a');
  assert.deepEqual(decodeSessionCookie(encodeSessionCookie(session)), session);
  for (const junk of ['', 'not-base64!', Buffer.from('{"id":1}').toString('base64url'), 'x'.repeat(3000)]) {
    assert.equal(decodeSessionCookie(junk), null, junk.slice(0, 20));
  }
  const long = continueOrStartSession(null, { ...directSource, campaign: 'c'.repeat(5000) }, '/');
  assert.equal(decodeSessionCookie(encodeSessionCookie(long.session))?.campaign?.length, 120);
});

test('visitor ids: only the form this code writes is accepted back', () => {
  assert.ok(isVisitorId(newVisitorId()));
  assert.ok(!isVisitorId('v_short'));
  assert.ok(!isVisitorId('<script>alert(1)</script>'));
  assert.ok(!isVisitorId(undefined));
});

test('device classes from real User-Agent strings', () => {
  const cases: [string, string][] = [
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      'desktop',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'desktop',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'mobile',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      'mobile',
    ],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'tablet',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      'tablet',
    ],
    ['curl/8.5.0', 'other'],
  ];
  for (const [ua, expected] of cases) assert.equal(deviceClass(ua), expected, ua);
  assert.equal(deviceClass(undefined), 'other');
});

test('bots, clients without a User-Agent and prefetches are not visits', () => {
  const chrome =
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
  assert.equal(notAVisit({ 'user-agent': chrome }), null);
  assert.equal(
    notAVisit({ 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }),
    'bot',
  );
  assert.equal(notAVisit({ 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0)' }), 'bot');
  assert.equal(notAVisit({ 'user-agent': 'python-requests/2.31' }), 'bot');
  assert.equal(notAVisit({}), 'no_user_agent');
  assert.equal(notAVisit({ 'user-agent': chrome, 'sec-purpose': 'prefetch;prerender' }), 'prefetch');
  assert.equal(notAVisit({ 'user-agent': chrome, purpose: 'prefetch' }), 'prefetch');
});
