import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slaBadgeOf } from './sla-badge.ts';

const clock = (state: string, minutesLeft: number | null) => ({
  dueAt: '2026-11-23T10:00:00.000Z',
  state,
  minutesLeft,
});

test('breached wins over due soon, the first reply over the resolution', () => {
  const badge = slaBadgeOf({
    sla: { firstResponse: clock('due_soon', 30), resolution: clock('breached', -90) },
  });
  assert.equal(badge?.label, 'resolution overdue');
  assert.equal(badge?.color, 'red');
  assert.match(badge!.title, /late by 1 h 30 min/);
  const both = slaBadgeOf({
    sla: { firstResponse: clock('breached', -5), resolution: clock('breached', -5) },
  });
  assert.equal(both?.label, 'first reply overdue');
});

test('due soon says how long is left; running, met and missed clocks say nothing', () => {
  const soon = slaBadgeOf({ sla: { firstResponse: clock('met', null), resolution: clock('due_soon', 45) } });
  assert.deepEqual([soon?.label, soon?.color], ['resolution due in 45 min', 'orange']);
  assert.equal(
    slaBadgeOf({ sla: { firstResponse: clock('running', 300), resolution: clock('running', 900) } }),
    null,
  );
  assert.equal(
    slaBadgeOf({ sla: { firstResponse: clock('missed', null), resolution: clock('met', null) } }),
    null,
  );
  assert.equal(slaBadgeOf({}), null);
});
