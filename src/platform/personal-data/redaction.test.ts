// What erasure's text redaction matches: any identifier, in any case, inside text and JSON (which
// stays valid JSON); and what a store-wide scan counts as naming the person (strong identifiers
// only, so a product sharing a customer's first name is left alone).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { resultRows } from '../db/result-rows.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import { type DataSubject, tombstoneEmailOf } from './data-subject.ts';
import { mentionsSubject, redactedJson, redactedText } from './redaction.ts';

const subject: DataSubject = {
  id: 'cus_01test',
  email: 'anna.berg@example.com',
  identifiers: ['Anna', 'Berg', 'Anna Berg', 'Kastanienallee 7', '10435', '+49 30 1234567', 'Bo'],
  tombstoneEmail: tombstoneEmailOf('cus_01test'),
};

for (const target of testDatabaseTargets()) {
  describe(`personal data redaction on ${target.label}`, () => {
    let database: Database;
    before(async () => {
      database = await target.create();
    });
    after(async () => {
      await database?.close();
    });
    const value = async <T>(expression: SQL): Promise<T> =>
      resultRows<{ v: T }>(await database.db.execute(sql`select ${expression} as v`))[0]!.v;

    test('text loses every identifier, whatever its case; short ones are left', async () => {
      const text = sql`${'Dear ANNA BERG of kastanienallee 7, 10435 Berlin (Anna.Berg@Example.com), Bo'}::text`;
      assert.equal(
        await value<string>(redactedText(text, subject)),
        'Dear [erased] of [erased], [erased] Berlin ([erased]), Bo',
      );
    });

    test('JSON stays JSON', async () => {
      const json = sql`${JSON.stringify({ to: 'anna.berg@example.com', name: 'Anna Berg', amount: 10435 })}::jsonb`;
      assert.deepEqual(await value(redactedJson(json, subject)), {
        to: '[erased]',
        name: '[erased]',
        amount: 10435,
      });
    });

    test('a scan finds the person by e-mail, id, full name, street or phone, not by a first name or postal code', async () => {
      for (const named of [
        'order for anna.berg@example.com',
        'customer cus_01test',
        'Anna Berg',
        '+49 30 1234567',
      ]) {
        assert.equal(await value(mentionsSubject(sql`${named}::text`, subject)), true, named);
      }
      for (const other of ['Anna linen bowl', 'ships to 10435', 'Berg & Tal']) {
        assert.equal(await value(mentionsSubject(sql`${other}::text`, subject)), false, other);
      }
    });
  });
}
