import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { orderStatuses, parcelStatuses, returnStatuses } from './schema.ts';
import { assertTransition, canTransition, type MachineName, machines } from './state-machines.ts';

const states: Record<MachineName, readonly string[]> = {
  order: orderStatuses,
  parcel: parcelStatuses,
  return: returnStatuses,
};

describe('order, parcel and return state machines', () => {
  test('every pair of states not in a table is refused with illegal_transition, and every listed one is allowed', () => {
    for (const machine of Object.keys(machines) as MachineName[]) {
      const table = machines[machine] as Readonly<Record<string, readonly string[]>>;
      assert.deepEqual(
        Object.keys(table).sort(),
        [...states[machine]].sort(),
        `${machine} covers every state`,
      );
      for (const from of states[machine]) {
        for (const to of states[machine]) {
          const allowed = table[from]!.includes(to);
          assert.equal(canTransition(machine, from, to), allowed);
          if (allowed) {
            assertTransition(machine, from, to);
          } else {
            assert.throws(
              () => assertTransition(machine, from, to),
              (err) =>
                err instanceof AppError &&
                err.status === 409 &&
                err.code === 'illegal_transition' &&
                JSON.stringify(err.details) === JSON.stringify({ machine, from, to }),
            );
          }
        }
      }
    }
  });

  test('the rules users rely on', () => {
    assert.equal(canTransition('order', 'cancelled', 'open'), false, 'a cancelled order stays cancelled');
    assert.equal(
      canTransition('order', 'completed', 'cancelled'),
      false,
      'a completed order cannot be cancelled',
    );
    assert.equal(canTransition('parcel', 'delivered', 'shipped'), false);
    assert.equal(canTransition('return', 'rejected', 'approved'), false, 'a rejected return is final');
    assert.equal(
      canTransition('return', 'received', 'cancelled'),
      false,
      'items back in hand cannot be un-returned',
    );
  });
});
