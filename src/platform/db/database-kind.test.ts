import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseKindOf } from './database.ts';
import { testDatabaseTargets } from './test-database.ts';

for (const target of testDatabaseTargets()) {
  describe(`database kind on ${target.label}`, () => {
    test('a handle tells which database it talks to; a transaction does not', async () => {
      const database = await target.create();
      try {
        assert.equal(databaseKindOf(database.db), target.kind);
        await database.db.transaction(async (tx) => {
          assert.equal(databaseKindOf(tx), undefined);
        });
      } finally {
        await database.close();
      }
    });
  });
}
