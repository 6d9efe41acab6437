// Quoted history stripped from customers' replies, as the common mail clients write it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripQuotedHistory } from './quoted-history.ts';

test('Gmail: the attribution line (also wrapped over two lines) and everything after it go', () => {
  assert.equal(
    stripQuotedHistory('Yes please.\n\nOn Tue, 3 Mar 2026 at 10:00, Shop <a@b.c> wrote:\n> Shall we?\n'),
    'Yes please.',
  );
  assert.equal(
    stripQuotedHistory(
      'Yes please.\r\n\r\nOn Tue, 3 Mar 2026 at 10:00, Shop Support <support@\r\nshop.example> wrote:\r\n> Shall we?',
    ),
    'Yes please.',
  );
});

test('Outlook, French and German attributions', () => {
  assert.equal(stripQuotedHistory('Fine.\n-----Original Message-----\nFrom: Shop\nold'), 'Fine.');
  assert.equal(stripQuotedHistory('Fine.\n\nFrom: Shop <s@x.y>\nSent: Monday\nTo: me\n\nold'), 'Fine.');
  assert.equal(stripQuotedHistory('Merci.\n\nLe mar. 3 mars 2026, Shop <s@x.y> a écrit :\n> old'), 'Merci.');
  assert.equal(
    stripQuotedHistory('Danke.\n\nAm Di., 3. März 2026 um 10:00 schrieb Shop <s@x.y>:\n> old'),
    'Danke.',
  );
});

test('inline ">" lines go, the customer’s own lines between them stay', () => {
  assert.equal(stripQuotedHistory('> Which size?\nLarge.\n> Which colour?\nBlue.'), 'Large.\nBlue.');
});

test('a message that is all quote is kept as it came, and a plain message is untouched', () => {
  assert.equal(stripQuotedHistory('> only a quote'), '> only a quote');
  assert.equal(
    stripQuotedHistory('From: the start of my story, nothing quoted.'),
    'From: the start of my story, nothing quoted.',
  );
});
