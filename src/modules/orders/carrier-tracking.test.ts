import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { carrierTracking, knownCarrier, trackingUrlFor } from './carrier-tracking.ts';

describe('tracking links from the carrier', () => {
  test('each carrier of the table makes a link with the number in it, whatever the spelling of its name', () => {
    assert.equal(
      trackingUrlFor('UPS', '1Z999AA10123456784'),
      'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    );
    assert.equal(
      trackingUrlFor('royal mail', 'AB123456789GB'),
      'https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB',
    );
    assert.equal(trackingUrlFor('Royal-Mail', 'AB123456789GB'), trackingUrlFor('RoyalMail', 'AB123456789GB'));
    assert.equal(
      trackingUrlFor('Colissimo', '6A12345678901'),
      'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    );
    assert.equal(knownCarrier('La Poste')?.name, 'La Poste');
    assert.equal(knownCarrier('Fed-Ex')?.name, 'FedEx');
    for (const carrier of carrierTracking) {
      const url = trackingUrlFor(carrier.name, 'NUM123');
      assert.ok(url?.startsWith('https://') && url.includes('NUM123'), carrier.name);
    }
  });

  test('the number is encoded, and an unknown carrier or a missing number gives no link', () => {
    assert.equal(
      trackingUrlFor('DPD', ' 05 12/3&x '),
      'https://tracking.dpd.de/status/en_US/parcel/05%2012%2F3%26x',
    );
    assert.equal(trackingUrlFor('Pigeon Post', '123'), null);
    assert.equal(trackingUrlFor('DHL', null), null);
    assert.equal(trackingUrlFor('DHL', '  '), null);
    assert.equal(trackingUrlFor(null, '123'), null);
  });
});
