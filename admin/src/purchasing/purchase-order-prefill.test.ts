/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePrefillLines, parsePurchaseOrderPrefill, prefillLinesParam } from './purchase-order-prefill.ts';

describe('purchase order prefill', () => {
  it('reads variant:quantity pairs and drops malformed ones, repeats and zero', () => {
    assert.deepEqual(
      parsePrefillLines('var_a:48, var_b:12,var_a:6,bad,var_c:0,var_d:-3,var_e:1.5,:4,var f:2,var_g:'),
      [
        { variantId: 'var_a', quantity: 48 },
        { variantId: 'var_b', quantity: 12 },
      ],
    );
    assert.deepEqual(parsePrefillLines(42), []);
    assert.deepEqual(parsePrefillLines('var_a:99999999'), [], 'over a million units is not a quantity');
  });

  it('writes lines back in one form, and none as nothing', () => {
    assert.equal(
      prefillLinesParam([
        { variantId: 'var_a', quantity: 48 },
        { variantId: 'var_b', quantity: 12 },
      ]),
      'var_a:48,var_b:12',
    );
    assert.equal(prefillLinesParam([]), undefined);
  });

  it('keeps a well-formed supplier and cleaned lines; drops the rest', () => {
    assert.deepEqual(parsePurchaseOrderPrefill({ supplierId: 'sup_1', lines: 'var_a:6, junk', other: 'x' }), {
      supplierId: 'sup_1',
      lines: 'var_a:6',
    });
    assert.deepEqual(parsePurchaseOrderPrefill({ supplierId: '<script>', lines: 'junk' }), {});
    assert.deepEqual(parsePurchaseOrderPrefill({ supplierId: 7 }), {});
  });

  it('keeps from=forecast and a service level strictly between 0 and 1', () => {
    assert.deepEqual(
      parsePurchaseOrderPrefill({ supplierId: 'sup_1', from: 'forecast', serviceLevel: '0.98' }),
      {
        supplierId: 'sup_1',
        from: 'forecast',
        serviceLevel: 0.98,
      },
    );
    assert.deepEqual(
      parsePurchaseOrderPrefill({ supplierId: 'sup_1', from: 'forecast', serviceLevel: '1' }),
      {
        supplierId: 'sup_1',
        from: 'forecast',
      },
    );
    assert.deepEqual(
      parsePurchaseOrderPrefill({ supplierId: 'sup_1', from: 'elsewhere', serviceLevel: '0.9' }),
      {
        supplierId: 'sup_1',
      },
    );
  });
});
