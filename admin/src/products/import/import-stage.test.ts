import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, stagePercent, wizardStep } from './import-stage.ts';
import type { ImportProgress, ProductImport } from './import-types.ts';

const progress = (over: Partial<ImportProgress>): ImportProgress => ({
  stage: 'check',
  rowsRead: 0,
  products: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  failed: 0,
  bytesRead: 0,
  bytesTotal: 0,
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

const item = (over: Partial<ProductImport>) =>
  ({ status: 'checking', progress: null, check: null, ...over }) as ProductImport;

test('the check counts bytes of the file, the apply counts rows the check found', () => {
  assert.equal(stagePercent(item({ progress: progress({ bytesRead: 250, bytesTotal: 1000 }) })), 25);
  const checked = { rowsRead: 400 } as ProductImport['check'];
  assert.equal(
    stagePercent(
      item({
        check: checked,
        progress: progress({ stage: 'apply', rowsRead: 100, bytesRead: 900, bytesTotal: 1000 }),
      }),
    ),
    25,
  );
  assert.equal(stagePercent(item({ progress: null })), 0);
  assert.equal(stagePercent(item({ progress: progress({ bytesRead: 5, bytesTotal: 0 }) })), 0);
  // Read-ahead can take the parser past the rows it has reported; never more than 100.
  assert.equal(stagePercent(item({ progress: progress({ bytesRead: 1200, bytesTotal: 1000 }) })), 100);
});

test('each status has its wizard step', () => {
  assert.deepEqual((['checking', 'checked', 'applying', 'done'] as const).map(wizardStep), [1, 2, 3, 4]);
});

test('file sizes read naturally', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(18_265), '17.8 KB');
  assert.equal(formatBytes(200 * 1024 * 1024), '200.0 MB');
});
