import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { importProblemOf } from './inventory-import-problem.ts';

const file = new File(['x'.repeat(3 * 1024 * 1024)], 'stock.csv', { type: 'text/csv' });
const check = { dryRun: true, file };
const apply = { dryRun: false, file };

test('a file over the limit says how big it is and what the limit is', () => {
  const error = new ApiError(413, 'file_too_large', 'The file is larger than 1048576 bytes.', {
    maxBytes: 1024 * 1024,
  });
  assert.deepEqual(importProblemOf(error, check), {
    title: 'The file is too large',
    message:
      'stock.csv is 3.0 MB; an import takes at most 1.0 MB. Split it into smaller files and import them one after another.',
  });
});

test('a 413 without the server’s body (a proxy refused it) still says the file is too large', () => {
  const problem = importProblemOf(new ApiError(413, 'http_413', 'The server answered 413.'), apply);
  assert.equal(problem.title, 'The file is too large');
  assert.match(problem.message, /^The server refused stock\.csv \(3\.0 MB\) as too large\./);
});

test('too many rows names the most one import reads', () => {
  const error = new ApiError(413, 'too_many_rows', 'An inventory file has at most 500000 rows.', {
    maxRows: 500_000,
  });
  assert.match(importProblemOf(error, check).message, /at most 500,000 rows/);
});

test('not CSV, and problems the server explains in words, keep or replace its message', () => {
  assert.equal(
    importProblemOf(new ApiError(415, 'csv_required', 'Send the CSV as the body…'), check).title,
    'This is not a CSV file',
  );
  const missing = new ApiError(422, 'missing_column', 'The header has no On hand column.');
  assert.deepEqual(importProblemOf(missing, check), {
    title: 'The file cannot be read',
    message: 'The header has no On hand column.',
  });
});

test('permission, sign-out, network and server failures are said in words; the title follows the stage', () => {
  const denied = importProblemOf(
    new ApiError(403, 'permission_denied', 'This needs the inventory:write permission.'),
    apply,
  );
  assert.deepEqual(denied, {
    title: 'Nothing was imported',
    message: 'Your role in this store cannot change stock. Ask an owner or admin.',
  });
  assert.match(
    importProblemOf(new ApiError(401, 'unauthenticated', 'Sign in.'), check).message,
    /signed out/,
  );
  const offline = new ApiError(0, 'network_error', 'The upload did not reach the server.');
  assert.deepEqual(importProblemOf(offline, check), {
    title: 'The file was not checked',
    message: 'The upload did not reach the server.',
  });
  assert.match(importProblemOf(new ApiError(502, 'http_502', ''), apply).message, /error 502/);
  // An answer with no message of its own still says something.
  assert.equal(importProblemOf(new ApiError(409, 'http_409', ''), apply).message, 'The server answered 409.');
});
