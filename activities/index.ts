import type { DB } from '../db/database.js';
import { createAssessmentActivities } from './annual-assessment/assessment-activities.js';
import { createCalendarActivities, createStepScheduler } from './calendar/calendar-activities.js';
import { createHealthProbeActivities } from './health-probe/health-probe-activities.js';
import { createTaskActivities } from './human-steps/task-activities.js';
import { createTransitionActivities } from './human-steps/transition-activities.js';
import { createReserveActivities } from './reserve-cultivation/reserve-activities.js';
import { createRecruitmentActivities } from './targeted-recruitment/recruitment-activities.js';
import { createIncidentActivities } from './process-status/incident-activities.js';
import { createNotificationActivities } from './notifications/notification-activities.js';
import { notificationSettingsFromEnv, type NotificationSettings } from './notifications/notification-settings.js';

/** Every activity the worker runs, bound to its dependencies. */
export function createActivities(deps: { db: DB; notifications?: NotificationSettings }) {
  const notifications = deps.notifications ?? notificationSettingsFromEnv();
  // One working calendar for the schedule activity and the step opening that resolves its own.
  const scheduler = createStepScheduler(deps.db);
  return merged(
    createHealthProbeActivities(deps.db),
    createTaskActivities(deps.db),
    createTransitionActivities(deps.db, notifications, scheduler),
    createAssessmentActivities(deps.db),
    createCalendarActivities(deps.db, scheduler),
    createReserveActivities(deps.db),
    createRecruitmentActivities(deps.db),
    createNotificationActivities({ db: deps.db, ...notifications }),
    createIncidentActivities(deps.db, notifications),
  );
}

type Merged<T extends object[]> = T extends [infer H, ...infer R extends object[]] ? H & Merged<R> : unknown;

/**
 * One object of every activity. Temporal finds an activity by its name alone, so two processes
 * naming one the same would silently run the later one for both: refused here, at worker start.
 */
function merged<T extends object[]>(...groups: T): Merged<T> {
  const all: Record<string, unknown> = {};
  for (const group of groups)
    for (const [name, fn] of Object.entries(group)) {
      if (name in all) throw new Error(`two activities are named ${name}; give one a name of its own process`);
      all[name] = fn;
    }
  return all as Merged<T>;
}

export type Activities = ReturnType<typeof createActivities>;
