// The qinglan API as a Hono app. `createApp` takes its parts, so the same code serves
// production, the start command and the tests.
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import './validation/bilingual-errors.js';
import { createAuthRoutes } from './auth/auth-routes.js';
import { createDocsRoutes } from './docs/docs-routes.js';
import type { AppDeps } from './context.js';
import { handleError, handleNotFound } from './errors/error-handler.js';
import { fail } from './errors/errors.js';
import { createHealthRoutes } from './health/health-routes.js';
import { requestContext } from './middleware/request-context.js';
import { apiSecurityHeaders, consoleHeaders, strictTransportSecurity } from './middleware/security-headers.js';
import { createAssessmentRoutes } from './processes/annual-assessment/assessment-routes.js';
import { createAssessmentScheduleRoutes } from './processes/annual-assessment/assessment-schedule-routes.js';
import { createMentorPairingRoutes } from './processes/mentor-pairing/mentor-pairing-routes.js';
import { createBulkOperationRoutes } from './processes/bulk/bulk-routes.js';
import { createProcessRoutes } from './processes/process-routes.js';
import { createReserveCultivationRoutes } from './processes/reserve-cultivation/reserve-cultivation-routes.js';
import { createTargetedRecruitmentRoutes } from './processes/targeted-recruitment/targeted-recruitment-routes.js';
import { createResourceRoutes } from './resources/resource-routes.js';
import { createReportRoutes } from './reports/sla-routes.js';
import { createTaskRoutes } from './tasks/task-routes.js';
import { createRouter } from './router.js';

/** Bodies are small JSON forms; spreadsheet uploads have their own, larger limit on their route. */
export const MAX_BODY_BYTES = 1024 * 1024;
const UPLOAD_PATHS = new Set([
  '/api/processes/mentor-pairing/import',
  '/api/processes/reserve-cultivation/intakes/exam-scores',
]);
/**
 * No route reads a GET's or HEAD's body, so the limit is not checked for them: asking a request
 * for its body makes the Node adapter build a full web Request and AbortController, which cost
 * the signed-in floor (GET /api/auth/me) about a quarter of its time.
 */
const BODILESS = new Set(['GET', 'HEAD']);
/** Upload routes with an id in the path: the JSON limit does not apply to them either. */
const UPLOAD_PATTERNS = [/^\/api\/processes\/targeted-recruitment\/campaigns\/\d+\/scores$/];

export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.use('*', requestContext(deps));
  app.use('*', strictTransportSecurity);

  const api = createRouter();
  api.use('*', apiSecurityHeaders);
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw fail('payload_too_large');
    },
  });
  api.use('*', (c, next) =>
    BODILESS.has(c.req.method) || UPLOAD_PATHS.has(c.req.path) || UPLOAD_PATTERNS.some((p) => p.test(c.req.path))
      ? next()
      : jsonLimit(c, next),
  );
  api.route('/health', createHealthRoutes());
  api.route('/auth', createAuthRoutes());
  api.route('/tasks', createTaskRoutes());
  api.route('/reports', createReportRoutes());
  api.route('/processes/mentor-pairing', createMentorPairingRoutes());
  api.route('/processes/annual-assessment', createAssessmentRoutes());
  api.route('/processes/annual-assessment', createAssessmentScheduleRoutes());
  api.route('/processes/reserve-cultivation', createReserveCultivationRoutes());
  api.route('/processes/targeted-recruitment', createTargetedRecruitmentRoutes());
  api.route('/processes/bulk-operations', createBulkOperationRoutes());
  api.route('/processes', createProcessRoutes());
  api.route('/', createResourceRoutes());
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/api' }],
    info: {
      title: '青蓝 qinglan API',
      version: '0.1.0',
      description: '村(社区)干部工作流程 — village cadre workflows',
    },
  });
  api.route('/docs', createDocsRoutes());
  api.all('*', () => {
    throw fail('not_found');
  });
  app.route('/api', api);

  if (deps.staticDir && fs.existsSync(path.join(deps.staticDir, 'index.html'))) {
    const root = path.relative(process.cwd(), deps.staticDir);
    app.use('*', consoleHeaders);
    app.use('/assets/*', serveStatic({ root }));
    app.use('*', serveStatic({ root }));
    // The console is a single page: every other path gets index.html.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}
