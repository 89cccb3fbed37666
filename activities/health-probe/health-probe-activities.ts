import { sql } from 'kysely';
import type { DB } from '../../db/database.js';

export function createHealthProbeActivities(db: DB) {
  return {
    async readDatabaseClock(): Promise<string> {
      const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
      return rows[0].now.toISOString();
    },
  };
}

export type HealthProbeActivities = ReturnType<typeof createHealthProbeActivities>;
