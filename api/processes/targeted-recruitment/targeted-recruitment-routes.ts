// 定向考录 routes: campaigns (plan, change a draft's plan and rules, publish, read) and applications (apply, read, withdraw),
// the exams' score import, its template and the results sheet.
import { createRouter } from '../../router.js';
import { createApplicationRoutes } from './application-routes.js';
import { createCampaignDraftRoutes } from './campaign-draft-routes.js';
import { createCampaignRoutes } from './campaign-routes.js';
import { createScoreImportRoutes } from './score-import-routes.js';
import { createScoreSheetRoutes } from './score-sheet-routes.js';
import { createWithdrawalRoutes } from './withdrawal-routes.js';

export function createTargetedRecruitmentRoutes() {
  const app = createRouter();
  app.route('/', createCampaignRoutes());
  app.route('/', createCampaignDraftRoutes());
  app.route('/', createApplicationRoutes());
  app.route('/', createScoreImportRoutes());
  app.route('/', createScoreSheetRoutes());
  app.route('/', createWithdrawalRoutes());
  return app;
}
