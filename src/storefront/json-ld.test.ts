import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonForScript } from './json-ld.tsx';

test('JSON for a script element has no <, > or & and parses back to the same value', () => {
  const value = { name: '</script><script>alert(1)</script> <!-- & \u2028\u2029', n: 1 };
  const text = jsonForScript(value);
  assert.ok(!/[<>&\u2028\u2029]/.test(text), text);
  assert.deepEqual(JSON.parse(text), value);
});
