import type { Migration } from 'kysely/migration';
import * as organisation from './0001-organisation.js';
import * as humanSteps from './0002-human-steps.js';
import * as annualAssessment from './0003-annual-assessment.js';
import * as assessmentNotices from './0004-assessment-notices.js';
import * as notificationDeliveries from './0005-notification-deliveries.js';
import * as reservePool from './0006-reserve-pool.js';
import * as reservePoolView from './0007-reserve-pool-view.js';
import * as targetedRecruitment from './0008-targeted-recruitment.js';
import * as incidents from './0009-incidents.js';
import * as bulkOperations from './0010-bulk-operations.js';
import * as inboxIndexes from './0011-inbox-indexes.js';
import * as slaReportIndex from './0012-sla-report-index.js';
import * as owedTellings from './0013-owed-tellings.js';

/** Every migration, in order. Names sort the same way they run. */
export const migrations: Record<string, Migration> = {
  '0001-organisation': organisation,
  '0002-human-steps': humanSteps,
  '0003-annual-assessment': annualAssessment,
  '0004-assessment-notices': assessmentNotices,
  '0005-notification-deliveries': notificationDeliveries,
  '0006-reserve-pool': reservePool,
  '0007-reserve-pool-view': reservePoolView,
  '0008-targeted-recruitment': targetedRecruitment,
  '0009-incidents': incidents,
  '0010-bulk-operations': bulkOperations,
  '0011-inbox-indexes': inboxIndexes,
  '0012-sla-report-index': slaReportIndex,
  '0013-owed-tellings': owedTellings,
};
