import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftFromRule, newDraftRule, ruleFromDraft, rulesFromDrafts, withField } from './rule-fields.ts';

test('a price condition is typed as a decimal and sent in minor units', () => {
  const draft = { ...newDraftRule('price'), operator: 'lt', text: '19.99' };
  assert.deepEqual(ruleFromDraft(draft, 2), {
    ok: true,
    rule: { field: 'price', operator: 'lt', value: 1999 },
  });
  assert.deepEqual(ruleFromDraft({ ...draft, text: '1980' }, 0), {
    ok: true,
    rule: { field: 'price', operator: 'lt', value: 1980 },
  });
  const tooPrecise = ruleFromDraft({ ...draft, text: '19.999' }, 2);
  assert.equal(tooPrecise.ok, false);
  assert.equal(draftFromRule({ field: 'price', operator: 'gte', value: 500 }, 2).text, '5.00');
});

test('switching field keeps operator and value within a kind, and starts afresh across kinds', () => {
  const tag = { ...newDraftRule('tag'), operator: 'not_equals', text: 'sale' };
  const vendor = withField(tag, 'vendor');
  assert.deepEqual([vendor.operator, vendor.text], ['not_equals', 'sale']);
  const price = withField(tag, 'price');
  assert.deepEqual([price.operator, price.text], ['lt', ''], 'a new price condition reads "is less than"');
  const title = { ...newDraftRule('title'), operator: 'contains', text: 'linen' };
  assert.equal(withField(title, 'tag').operator, 'equals', 'tags cannot "contain": the first tag operator');
  assert.equal(withField(tag, 'status').text, 'active');
});

test('the rule set is sent only when every condition is complete', () => {
  const complete = { ...newDraftRule('tag'), text: 'tea' };
  const empty = newDraftRule('vendor');
  assert.equal(rulesFromDrafts([complete, empty], 2), null);
  assert.deepEqual(rulesFromDrafts([complete], 2), [{ field: 'tag', operator: 'equals', value: 'tea' }]);
});
