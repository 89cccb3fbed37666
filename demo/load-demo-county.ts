// Loads the demo county into an empty database: on the first start of a demo installation
// and into the template database the tests clone. A database that already holds townships
// is left alone, so a restart keeps what people entered.
import { hash } from '@node-rs/argon2';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { DB } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { markDemoWorkPlanned } from './demo-work/demo-work-marker.js';
import { chinaDayOf } from '../domain/china-time.js';
import { generateDemoCounty, type DemoCounty } from './generate-county.js';

export interface LoadDemoCountyOptions {
  onProgress?: (message: string) => void;
  seed?: string;
  /**
   * Plan the demo work (processes in flight) for the start command to do once the API is up:
   * written with the county, so a start cut short in between still does it on the next start.
   */
  planDemoWork?: boolean;
  /** The day the reserve pool's history is seen from (talks due, ages); today by default. */
  today?: string;
}

export interface LoadDemoCountyResult {
  loaded: boolean;
  /** Rows per table: inserted when loaded, already present when not. */
  counts: Record<string, number>;
}

// 500 people × 13 columns stays far below PostgreSQL's 65,535 parameters per statement.
const BATCH_SIZE = 500;
const TABLES = ['townships', 'villages', 'people', 'positions', 'users'] as const;

export async function loadDemoCounty(db: DB, options: LoadDemoCountyOptions = {}): Promise<LoadDemoCountyResult> {
  // Demo accounts share a published password: they must never reach a real county's data.
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      'Refusing to load the demo county: NODE_ENV is "production". Demo accounts all use the password "demo".',
    );
  }
  const report = options.onProgress ?? (() => {});
  const started = Date.now();

  return db.transaction().execute(async (trx) => {
    // Two processes starting at once (API and worker) must not both load: the second
    // waits here, then sees the first one's townships.
    await sql`lock table townships in share row exclusive mode`.execute(trx);
    const existing = await trx.selectFrom('townships').select('id').limit(1).executeTakeFirst();
    if (existing) {
      const counts = await countRows(trx);
      report(`已有组织数据（乡镇 ${counts.townships} 个），不再载入演示县`);
      return { loaded: false, counts };
    }

    const county = generateDemoCounty(options.seed, options.today ?? chinaDayOf());
    // One hash for all demo accounts: argon2 is slow on purpose, thousands would take minutes.
    const passwordHash = await hash(DEMO_PASSWORD);

    await insertInBatches(trx, 'townships', county.townships);
    await insertInBatches(trx, 'villages', county.villages);
    report(`乡镇 ${county.townships.length} / 村(社区) ${county.villages.length}`);
    await insertInBatches(trx, 'people', county.people);
    await insertInBatches(trx, 'positions', county.positions);
    report(`人员 ${county.people.length} / 职务 ${county.positions.length}`);
    await insertInBatches(
      trx,
      'users',
      county.users.map((user) => ({ ...user, password_hash: passwordHash })),
    );
    report(`账号 ${county.users.length}（密码均为 ${DEMO_PASSWORD}）`);
    await loadPool(trx, county.pool);
    await insertInBatches(trx, 'assessment_results', county.assessments);
    report(`后备干部 ${county.pool.reserves.length}（培养记录 ${county.pool.records.length} 条）`);

    // Rows came with explicit ids; move each sequence past them so the next insert works.
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const rows = county[table];
      const maxId = rows.reduce((max, row) => Math.max(max, row.id), 0);
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${Math.max(maxId, 1)}, ${maxId > 0})`.execute(
        trx,
      );
      counts[table] = rows.length;
    }
    if (options.planDemoWork) await markDemoWorkPlanned(trx);
    report(
      `演示县已载入：乡镇 ${counts.townships} / 村(社区) ${counts.villages} / 人员 ${counts.people} / ` +
        `账号 ${counts.users}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
    );
    return { loaded: true, counts };
  });
}

/** The reserve pool: entries with explicit ids (their history refers to them), then the rest. */
async function loadPool(trx: Transaction<Database>, pool: DemoCounty['pool']): Promise<void> {
  if (pool.relaxedVillageIds.length > 0)
    await trx
      .updateTable('villages')
      .set({ relaxed_age_limit: true })
      .where('id', 'in', pool.relaxedVillageIds)
      .execute();
  await insertInBatches(trx, 'reserves', pool.reserves);
  await sql`select setval(pg_get_serial_sequence('reserves', 'id'), ${Math.max(pool.reserves.length, 1)}, ${pool.reserves.length > 0})`.execute(
    trx,
  );
  await insertInBatches(trx, 'reserve_status_changes', pool.statusChanges);
  await insertInBatches(trx, 'reserve_records', pool.records);
  await insertInBatches(trx, 'discipline_records', pool.discipline);
}

async function insertInBatches<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH_SIZE))
      .execute();
  }
}

async function countRows(trx: Transaction<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { count } = await trx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(count);
  }
  return counts;
}
