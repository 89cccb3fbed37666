import { createRouter } from '../router.js';
import { createAuditLogRoutes } from './audit-log/audit-log-routes.js';
import { createCadreRoutes } from './cadres/cadre-routes.js';
import { createCountySettingsRoutes } from './county-settings/reserve-pool-settings-routes.js';
import { createReserveRoutes } from './reserves/reserve-routes.js';
import { createDossierRoutes } from './dossier/dossier-routes.js';
import { createCalendarOverrideRoutes } from './calendar-overrides/calendar-override-routes.js';
import { createWebhookRoutes } from './webhooks/webhook-routes.js';
import { createDelegationRoutes } from './delegations/delegation-routes.js';
import { createNotificationRoutes } from './notifications/notification-routes.js';
import { createStatsRoutes } from './stats/stats-routes.js';
import { createTownshipRoutes } from './townships/township-routes.js';
import { createUserRoutes } from './users/user-routes.js';
import { createVillageRoutes } from './villages/village-routes.js';

export function createResourceRoutes() {
  const app = createRouter();
  app.route('/townships', createTownshipRoutes());
  app.route('/villages', createVillageRoutes());
  app.route('/cadres', createCadreRoutes());
  app.route('/users', createUserRoutes());
  app.route('/audit-log', createAuditLogRoutes());
  app.route('/stats', createStatsRoutes());
  app.route('/calendar-overrides', createCalendarOverrideRoutes());
  app.route('/notifications', createNotificationRoutes());
  app.route('/delegations', createDelegationRoutes());
  app.route('/webhooks', createWebhookRoutes());
  app.route('/county-settings', createCountySettingsRoutes());
  app.route('/reserves', createReserveRoutes());
  app.route('/people', createDossierRoutes());
  return app;
}
