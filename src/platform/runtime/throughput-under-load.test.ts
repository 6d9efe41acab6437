// The request-load watch takes V8's throughput mode under sustained load and gives it back once
// the load has been gone for its calm period.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { watchRequestLoad } from './throughput-under-load.ts';

function recordingHold() {
  const log: string[] = [];
  return {
    log,
    hold: () => {
      log.push('hold');
      return () => log.push('release');
    },
  };
}

test('sustained load holds the throughput mode; it is released after the calm period, not before', () => {
  const { log, hold } = recordingHold();
  const watch = watchRequestLoad({ busyRequestsPerSecond: 40, calmMs: 30_000, intervalMs: 0, hold });
  let now = Date.now();
  const second = (requests: number) => {
    for (let i = 0; i < requests; i++) watch.request();
    now += 1000;
    watch.check(now);
  };
  second(10);
  assert.equal(watch.busy, false, 'light use keeps memory saving');
  second(45);
  assert.equal(watch.busy, true);
  second(80);
  second(5);
  assert.deepEqual(log, ['hold'], 'held once however long the load lasts');
  for (let i = 0; i < 28; i++) second(0);
  assert.equal(watch.busy, true, 'a lull shorter than the calm period keeps it');
  second(0);
  second(0);
  assert.equal(watch.busy, false);
  assert.deepEqual(log, ['hold', 'release']);
  second(50);
  assert.deepEqual(log, ['hold', 'release', 'hold'], 'load again takes it again');
  watch.stop();
  assert.deepEqual(log, ['hold', 'release', 'hold', 'release'], 'stopping gives it back');
  assert.equal(watch.busy, false);
});

test('the rate is per second of the interval actually passed', () => {
  const { log, hold } = recordingHold();
  const watch = watchRequestLoad({ busyRequestsPerSecond: 40, intervalMs: 0, hold });
  const start = Date.now();
  watch.check(start);
  for (let i = 0; i < 60; i++) watch.request();
  watch.check(start + 2000); // 30 a second
  assert.deepEqual(log, []);
  for (let i = 0; i < 60; i++) watch.request();
  watch.check(start + 2500); // 120 a second
  assert.deepEqual(log, ['hold']);
  watch.stop();
});
