// Reading and writing the reserve pool settings in `county_settings`. Every change is a new
// version, never an update, so a decision can be read against the rule in force on its day.
// Version 0 stands for the built-in defaults (no row written yet).
import { sql } from 'kysely';
import type { DB } from '../db/database.js';
import {
  DEFAULT_RESERVE_POOL_SETTINGS,
  parseReservePoolSettings,
  RESERVE_POOL_TOPIC,
  type ReservePoolSettings,
} from './reserve-pool-settings.js';

export interface ReservePoolSettingsVersion {
  version: number;
  settings: ReservePoolSettings;
  changedBy: number | null;
  changedByName: string | null;
  reason: string | null;
  changedAt: string | null; // ISO; null for the built-in defaults
}

const DEFAULTS: ReservePoolSettingsVersion = {
  version: 0,
  settings: DEFAULT_RESERVE_POOL_SETTINGS,
  changedBy: null,
  changedByName: null,
  reason: null,
  changedAt: null,
};

function versions(db: DB) {
  return db
    .selectFrom('county_settings as s')
    .leftJoin('users as u', 'u.id', 's.changed_by')
    .select(['s.version', 's.values', 's.changed_by', 'u.display_name', 's.reason', 's.changed_at'])
    .where('s.topic', '=', RESERVE_POOL_TOPIC);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versions>['executeTakeFirstOrThrow']>>;

const toVersion = (row: VersionRow): ReservePoolSettingsVersion => ({
  version: row.version,
  settings: parseReservePoolSettings(row.values),
  changedBy: row.changed_by,
  changedByName: row.display_name,
  reason: row.reason,
  changedAt: new Date(row.changed_at).toISOString(),
});

/** The version in force now, or the defaults (version 0) when the county never changed them. */
export async function currentReservePoolSettingsVersion(db: DB): Promise<ReservePoolSettingsVersion> {
  const row = await versions(db).orderBy('s.version', 'desc').limit(1).executeTakeFirst();
  return row ? toVersion(row) : DEFAULTS;
}

/** The settings in force now: what an intake or a cultivation step reads when it starts. */
export async function currentReservePoolSettings(db: DB): Promise<ReservePoolSettings> {
  return (await currentReservePoolSettingsVersion(db)).settings;
}

/** The settings that were in force at a moment (the defaults before the first version). */
export async function reservePoolSettingsAt(db: DB, at: Date): Promise<ReservePoolSettings> {
  const row = await versions(db)
    .where('s.changed_at', '<=', at)
    .orderBy('s.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row).settings : DEFAULT_RESERVE_POOL_SETTINGS;
}

/** Every version, newest first, ending with the built-in defaults. */
export async function reservePoolSettingsHistory(db: DB): Promise<ReservePoolSettingsVersion[]> {
  const rows = await versions(db).orderBy('s.version', 'desc').execute();
  return [...rows.map(toVersion), DEFAULTS];
}

/**
 * Stores a new version (the caller has checked the role and validated the values). The next
 * number is taken in the insert itself; two writers at once collide on the primary key, and
 * the second is told to reload rather than silently overwriting the first.
 */
export async function writeReservePoolSettings(
  db: DB,
  change: { settings: ReservePoolSettings; changedBy: number; reason: string | null },
): Promise<number> {
  const { version } = await db
    .insertInto('county_settings')
    .values({
      topic: RESERVE_POOL_TOPIC,
      version: sql<number>`(select coalesce(max(version), 0) + 1 from county_settings where topic = ${RESERVE_POOL_TOPIC})`,
      values: JSON.stringify(change.settings),
      changed_by: change.changedBy,
      reason: change.reason,
    })
    .returning('version')
    .executeTakeFirstOrThrow();
  return version;
}
