// 定向考录 routes: campaigns (plan, rules, publish, read) and applications (apply, read),
// and the exams' score import.
import { createRouter } from '../../router.js';
import { createApplicationRoutes } from './application-routes.js';
import { createCampaignRoutes } from './campaign-routes.js';
import { createScoreImportRoutes } from './score-import-routes.js';

export function createTargetedRecruitmentRoutes() {
  const app = createRouter();
  app.route('/', createCampaignRoutes());
  app.route('/', createApplicationRoutes());
  app.route('/', createScoreImportRoutes());
  return app;
}
