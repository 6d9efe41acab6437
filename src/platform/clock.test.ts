import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { now, runAt, simulatedTime } from './clock.ts';

describe('the business clock', () => {
  it('is the real time outside runAt', () => {
    const before = Date.now();
    const at = now().getTime();
    assert.ok(at >= before && at <= Date.now());
  });

  it('is the simulated instant inside runAt, across awaits, and real again after', async () => {
    const past = new Date('2026-03-14T09:30:00Z');
    const seen = await runAt(past, async () => {
      const first = now();
      await nextTurn();
      await new Promise((resolve) => setTimeout(resolve, 5));
      return [first, now()];
    });
    assert.deepEqual(
      seen.map((d) => d.toISOString()),
      [past.toISOString(), past.toISOString()],
    );
    assert.ok(Math.abs(now().getTime() - Date.now()) < 1000);
  });

  it('hands out a new Date each time, so a caller changing one changes nothing else', () => {
    runAt(new Date('2026-01-01T00:00:00Z'), () => {
      const a = now();
      a.setUTCFullYear(1999);
      assert.equal(now().toISOString(), '2026-01-01T00:00:00.000Z');
    });
  });

  it('nested runAt overrides for its own work only; concurrent runs keep their own time', async () => {
    const outer = new Date('2026-02-01T12:00:00Z');
    const inner = new Date('2026-02-03T08:00:00Z');
    await runAt(outer, async () => {
      const nested = await runAt(inner, async () => {
        await nextTurn();
        return now();
      });
      assert.equal(nested.toISOString(), inner.toISOString());
      assert.equal(now().toISOString(), outer.toISOString());
    });
    const days = ['2026-04-01', '2026-04-02', '2026-04-03'];
    const results = await Promise.all(
      days.map((day, i) =>
        runAt(new Date(`${day}T00:00:00Z`), async () => {
          await new Promise((resolve) => setTimeout(resolve, 10 - i * 3));
          return now().toISOString().slice(0, 10);
        }),
      ),
    );
    assert.deepEqual(results, days);
  });

  it('says the simulated instant only inside runAt', () => {
    assert.equal(simulatedTime(), undefined);
    const at = new Date('2026-05-05T05:05:05Z');
    assert.equal(
      runAt(at, () => simulatedTime()?.toISOString()),
      at.toISOString(),
    );
  });

  it('refuses an invalid date', () => {
    assert.throws(() => runAt(new Date('not a date'), () => 1), RangeError);
  });
});
