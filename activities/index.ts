import type { DB } from '../db/database.js';
import { createAssessmentActivities } from './annual-assessment/assessment-activities.js';
import { createCalendarActivities } from './calendar/calendar-activities.js';
import { createHealthProbeActivities } from './health-probe/health-probe-activities.js';
import { createTaskActivities } from './human-steps/task-activities.js';
import { createReserveActivities } from './reserve-cultivation/reserve-activities.js';
import { createRecruitmentActivities } from './targeted-recruitment/recruitment-activities.js';
import { createNotificationActivities } from './notifications/notification-activities.js';
import { notificationSettingsFromEnv, type NotificationSettings } from './notifications/notification-settings.js';

/** Every activity the worker runs, bound to its dependencies. */
export function createActivities(deps: { db: DB; notifications?: NotificationSettings }) {
  const notifications = deps.notifications ?? notificationSettingsFromEnv();
  return {
    ...createHealthProbeActivities(deps.db),
    ...createTaskActivities(deps.db),
    ...createAssessmentActivities(deps.db),
    ...createCalendarActivities(deps.db),
    ...createReserveActivities(deps.db),
    ...createRecruitmentActivities(deps.db),
    ...createNotificationActivities({ db: deps.db, ...notifications }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
