// The demo county the benchmark runs on: a fresh database migrated and loaded, and its cadres
// counted the way the engine counts them.
import { sql } from 'kysely';
import { createDatabase, type DB } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadDemoCounty } from '../demo/load-demo-county.js';
import { BenchFailure, log } from './bench-run.js';

export interface Cadre {
  personId: number;
  name: string;
  townshipId: number;
  villageId: number;
  userId: number | null;
}

/** Cadres as activities/annual-assessment listTownshipCadres reads them, for every township. */
export async function listCadres(db: DB) {
  return db
    .selectFrom('people as p')
    .select([
      'p.id as personId',
      'p.name',
      'p.township_id as townshipId',
      'p.village_id as villageId',
      sql<
        number | null
      >`(select u.id from users u where u.person_id = p.id and u.active order by case u.role when 'cadre' then 0 when 'village_secretary' then 1 else 2 end, u.id limit 1)`.as(
        'userId',
      ),
    ])
    .where(sql<boolean>`exists (select 1 from positions s where s.person_id = p.id)`)
    .orderBy('p.id')
    .execute();
}

/** Migrates the fresh database, loads the county and reads what the runs need from it. */
export async function loadCounty(databaseUrl: string) {
  const db = createDatabase(databaseUrl, { max: 2 });
  await migrateToLatest(db);
  const loaded = await loadDemoCounty(db, { onProgress: (line) => log(`  ${line}`) });
  if (!loaded.loaded) throw new BenchFailure('the fresh database already held a county');
  const postgresVersion = (await sql<{ version: string }>`select version()`.execute(db)).rows[0].version.split(',')[0];
  const cadres = await listCadres(db);
  const withAccount = cadres.filter((c) => c.userId !== null).length;
  const townships = (
    await db
      .selectFrom('townships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  const startedBy =
    (await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst())?.id ?? null;
  await db.destroy();
  log(
    `county: ${townships} townships, ${cadres.length} people holding a position, ${withAccount} of them with an active account`,
  );
  return { postgresVersion, cadres, withAccount, townships, startedBy };
}
