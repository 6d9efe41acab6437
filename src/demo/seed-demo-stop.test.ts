// A first start stopped while the demo is being built must not keep half a demo: the next start
// would find a store and never build the rest.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countStores, findUserByEmail } from '../modules/access/index.ts';
import type { Database } from '../platform/db/database.ts';
import { testDatabaseTargets } from '../platform/db/test-database.ts';
import { DEMO_OWNER, DemoSeedStopped, seedDemo } from './seed-demo.ts';

for (const target of testDatabaseTargets()) {
  let database: Database;
  before(async () => {
    database = await target.create();
  });
  after(async () => {
    await database.close();
  });

  test(`a demo seed stopped halfway keeps nothing of it (${target.label})`, async () => {
    let asked = 0;
    // Stop once a dozen products exist: well into the first store.
    await assert.rejects(
      seedDemo(database.db, undefined, { shouldStop: () => ++asked > 12 }),
      DemoSeedStopped,
    );
    assert.equal(await countStores(database.db), 0);
    assert.equal(await findUserByEmail(database.db, DEMO_OWNER.email), undefined);
    const counts = await database.execute<{ n: number }>('select count(*)::int as n from products');
    assert.equal(counts[0]!.n, 0);
  });
}
