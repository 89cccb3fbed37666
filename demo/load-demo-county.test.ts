import { verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/support/database.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { generateDemoCounty } from './generate-county.js';
import { loadDemoCounty } from './load-demo-county.js';

const TABLES = ['townships', 'villages', 'people', 'positions', 'users'] as const;

describe('loadDemoCounty', () => {
  let test: TestDatabase;
  const county = generateDemoCounty();

  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await test.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      result[table] = Number(row.n);
    }
    return result;
  }

  it('has loaded the generated county into the template database', async () => {
    expect(await counts()).toEqual({
      townships: county.townships.length,
      villages: county.villages.length,
      people: county.people.length,
      positions: county.positions.length,
      users: county.users.length,
    });
    const flags = await test.db
      .selectFrom('people')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('newly_elected', '=', true).as('newly'),
        eb.fn.countAll<number>().filterWhere('is_mentor', '=', true).as('mentors'),
      ])
      .executeTakeFirstOrThrow();
    expect(flags).toEqual({ newly: 895, mentors: 421 });
    const pool = await test.db
      .selectFrom('reserve_people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(pool.n).toBe(620);
    const first = await test.db.selectFrom('people').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    const { created_at, ...stored } = first;
    expect(created_at).toBeInstanceOf(Date);
    expect(stored).toEqual(county.people[0]);
  });

  it('leaves a database with townships alone', async () => {
    const before = await counts();
    const messages: string[] = [];
    const result = await loadDemoCounty(test.db, { onProgress: (m) => messages.push(m) });
    expect(result.loaded).toBe(false);
    expect(result.counts).toEqual(before);
    expect(await counts()).toEqual(before);
    expect(messages).toHaveLength(1);
  });

  it('refuses to run in production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(loadDemoCounty(test.db)).rejects.toThrow(/production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it('stores one argon2id hash of the demo password for every account', async () => {
    const hashes = await test.db.selectFrom('users').select('password_hash').distinct().execute();
    expect(hashes).toHaveLength(1);
    expect(hashes[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(hashes[0].password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(hashes[0].password_hash, 'not-demo')).toBe(false);
    const admin = await test.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(admin).toMatchObject({ role: 'county_admin', display_name: '县委组织部管理员', active: true });
  });

  it('moves the id sequences past the loaded rows', async () => {
    const township = await test.db
      .insertInto('townships')
      .values({ code: '430725999', name: '测试镇', kind: 'township' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(township.id).toBe(county.townships.length + 1);
    const user = await test.db
      .insertInto('users')
      .values({ username: 'new-user', password_hash: 'x', display_name: '新账号', role: 'auditor' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(user.id).toBe(county.users.length + 1);
  });
});

describe('loadDemoCounty into an empty database', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
    // An empty, migrated database: what a first start sees. Cascade reaches any later table
    // that refers to these rows.
    await sql`truncate townships, villages, people, positions, users restart identity cascade`.execute(test.db);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('loads everything in well under ten seconds and reports progress', async () => {
    const messages: string[] = [];
    const started = performance.now();
    const result = await loadDemoCounty(test.db, { onProgress: (m) => messages.push(m), seed: 'another-county' });
    const seconds = (performance.now() - started) / 1000;
    console.log(`demo county loaded in ${seconds.toFixed(2)}s`);
    expect(seconds).toBeLessThan(10);
    const county = generateDemoCounty('another-county');
    expect(result).toEqual({
      loaded: true,
      counts: {
        townships: 28,
        villages: 413,
        people: county.people.length,
        positions: county.positions.length,
        users: county.users.length,
      },
    });
    expect(messages.at(-1)).toContain('村(社区) 413');
    const names = await test.db.selectFrom('people').select('name').orderBy('id').limit(3).execute();
    expect(names.map((n) => n.name)).toEqual(county.people.slice(0, 3).map((p) => p.name));
  });
});
