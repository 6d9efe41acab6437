import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { csvRefusalOf } from './csv-import-types.ts';

test('an import_invalid refusal gives its rows; other errors give nothing to list', () => {
  const refused = new ApiError(
    422,
    'import_invalid',
    '2 row(s) of the file have problems; nothing was written.',
    {
      rows: 5,
      errorCount: 2,
      errors: [
        { row: 2, column: 'rate', code: 'invalid_rate', message: 'Not a percent.' },
        { row: 4, column: 'country', code: 'invalid_country', message: 'Not a country.' },
      ],
    },
  );
  assert.deepEqual(csvRefusalOf(refused), {
    rows: 5,
    errorCount: 2,
    errors: [
      { row: 2, column: 'rate', code: 'invalid_rate', message: 'Not a percent.' },
      { row: 4, column: 'country', code: 'invalid_country', message: 'Not a country.' },
    ],
  });
  assert.equal(
    csvRefusalOf(new ApiError(422, 'missing_columns', 'The file needs the column(s) rate.')),
    null,
  );
  assert.equal(csvRefusalOf(new Error('offline')), null);
});
