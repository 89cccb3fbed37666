import type { DB } from '../db/database.js';
import { createHealthProbeActivities } from './health-probe/health-probe-activities.js';

/** Every activity the worker runs, bound to its dependencies. */
export function createActivities(deps: { db: DB }) {
  return {
    ...createHealthProbeActivities(deps.db),
  };
}
