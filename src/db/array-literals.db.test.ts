import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.js';
import { textArray, timestampArray, uuidArray } from './array-literals.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const ALPHABET = ['a', 'Z', ' ', ',', '"', '\\', '{', '}', "'", 'ñ', '日', '\t', 'NULL', '()'];

describe('array literals read back by PostgreSQL', () => {
  it('gives back 200 random strings exactly, nulls included', async () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = Array.from({ length: 200 }, () =>
      random() < 0.05 ? null : Array.from({ length: Math.floor(random() * 8) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(''));
    const [row] = await t.database.query<{ a: (string | null)[] }>('select $1::text[] as a', [textArray(values)]);
    expect(row!.a).toEqual(values);
  });

  it('gives back ids and instants', async () => {
    const ids = ['5bdd5175-90c0-49d6-9cc2-1f0e55dcfdb8', 'd6379efb-b30c-4f8d-aa04-69db8fb9e399'];
    const instants = [Date.UTC(2027, 2, 1, 8, 30), Date.UTC(1999, 11, 31, 23, 59, 59, 999)];
    const [row] = await t.database.query<{ ids: string[]; ms: number[] }>(
      'select $1::uuid[]::text[] as ids, array(select (extract(epoch from x) * 1000)::float8 from unnest($2::timestamptz[]) x) as ms',
      [uuidArray(ids), timestampArray(instants)]);
    expect(row!.ids).toEqual(ids);
    expect(row!.ms.map(Number)).toEqual(instants);
  });
});
