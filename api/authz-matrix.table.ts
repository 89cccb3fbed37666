// Expected status per route and role, for authz-matrix.test.ts. One line per route:
// the statuses in ROLES order; a pair is [record in the roles' scope, record outside it];
// `a|b` allows either (e.g. 400|403 where validation and scope checks race on an empty body).
export const ROLES = ['anon', 'cadre', 'mentor', 'village', 'officer', 'secretary', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Routes the matrix does not call, and why; each still has to be listed. */
export const NOT_SENT: Record<string, string> = {
  // Needs no body: whoever may call it starts the whole county's assessment (2,487 workflows).
  'POST /processes/annual-assessment/schedule/trigger':
    'starts every township’s assessment; covered by assessment-schedule.test.ts',
};

/** Bodies other than `{}`: a valid `{}` would start real work; these stop at validation. */
export const BODIES: Record<string, string> = {
  'POST /processes/annual-assessment/start': '{"year":1}',
  'POST /processes/annual-assessment/schedule/unpause': '{"note":""}',
  // A preview changes nothing; a cancel without a reason stops at the reason, after the role.
  'POST /processes/bulk-operations/preview': '{"action":"cancel"}',
  'POST /processes/bulk-operations': '{"action":"cancel","requestId":"matrix-bulk-1"}',
};

// Read with the accounts used: cadre-0001, mentor-001, village-001, officer-01 and secretary-01
// (township 1), auditor, admin. In scope: village-001's village, a person in it, township 1,
// officer-01's account; out of scope: township 2's first village, person and account. Routes
// on tasks, processes, robots, delegations and notifications find no record in a fresh county
// (404 or 400 for every role): their scoping is tested beside them (tasks.test.ts, scope.test.ts).
// Writes get `{}`: most answer 400 before any role check, which the table records as it is.
// DELETE /users/{id} in scope deactivates officer-01, so its later rows answer that role 401.
//
//                                    anon cadre mentor village officer secretary auditor admin
export const MATRIX: Record<string, string | [string, string]> = {
  'GET /audit-log': '401 403 403 403 403 403 200 200',
  'GET /audit-log/{id}': ['401 403 403 403 403 403 200 200', '401 403 403 403 403 403 404 404'],
  'GET /auth/me': '401 200 200 200 200 200 200 200',
  'GET /cadres': '401 200 200 200 200 200 200 200',
  'GET /cadres/{id}': ['401 404 404 200 200 200 200 200', '401 404 404 404 404 404 200 200'],
  'GET /calendar-overrides': '401 200 200 200 200 200 200 200',
  'GET /calendar-overrides/{id}': '401 400 400 400 400 400 400 400',
  'GET /calendar-overrides/bundled-years': '401 200 200 200 200 200 200 200',
  'GET /county-settings/reserve-pool': '401 200 200 200 200 200 200 200',
  'GET /county-settings/reserve-pool/versions': '401 200 200 200 200 200 200 200',
  'GET /delegations': '401 200 200 200 200 200 200 200',
  'GET /delegations/{id}': '401 404 404 404 404 404 404 404',
  'GET /health': '200 200 200 200 200 200 200 200',
  'GET /notifications': '401 200 200 200 200 200 200 200',
  'GET /notifications/{id}': '401 404 404 404 404 404 404 404',
  'GET /notifications/unread-count': '401 200 200 200 200 200 200 200',
  'GET /people/{id}/dossier': ['401 404 404 200 200 200 200 200', '401 404 404 404 404 404 200 200'],
  'GET /processes': '401 200 200 200 200 200 200 200',
  'GET /processes/{id}': ['401 400 400 400 400 400 400 400', '401 404 404 404 404 404 404 404'],
  'GET /processes/{id}/history': ['401 400 400 400 400 400 400 400', '401 403 403 403 403 403 404 404'],
  'GET /processes/{id}/history.json': ['401 400 400 400 400 400 400 400', '401 403 403 403 403 403 404 404'],
  'GET /processes/bulk-operations/{id}': '401 404 404 404 404 404 404 404',
  'GET /processes/incidents': '401 200 200 200 200 200 200 200',
  'GET /processes/annual-assessment/progress': '401 200 200 200 200 200 200 200',
  'GET /processes/annual-assessment/results': '401 200 200 200 200 200 200 200',
  'GET /processes/annual-assessment/results.xlsx': '401 200 200 200 200 200 200 200',
  'GET /processes/annual-assessment/schedule': '401 403 403 403 403 403 200 200',
  'GET /processes/definitions': '401 200 200 200 200 200 200 200',
  'GET /processes/reserve-cultivation/eligibility/{id}': [
    '401 404 404 200 200 200 404 200',
    '401 404 404 404 404 404 404 404',
  ],
  'GET /processes/reserve-cultivation/intakes/progress': '401 400 400 400 400 400 400 400',
  // village 1 is village-001's village
  'GET /processes/reserve-cultivation/villages/{id}/use-ranking': [
    '401 404 404 200 200 200 200 200',
    '401 404 404 404 404 404 404 404',
  ],
  'GET /processes/mentor-pairing/export.xlsx': '401 200 200 200 200 200 200 200',
  'GET /processes/mentor-pairing/template.xlsx': '401 403 403 403 200 403 403 200',
  'GET /processes/targeted-recruitment/campaigns': '401 200 200 200 200 200 200 200',
  'GET /processes/targeted-recruitment/campaigns/{id}': '401 404 404 404 404 404 404 404',
  'GET /processes/targeted-recruitment/campaigns/{id}/applications': '401 404 404 404 404 404 404 404',
  'GET /processes/targeted-recruitment/campaigns/{id}/results.xlsx': '401 404 404 404 404 404 404 404',
  'GET /processes/targeted-recruitment/campaigns/{id}/scores/template': '401 400 400 400 400 400 400 400',
  'GET /reports/sla': '401 403 403 403 200 200 200 200',
  'GET /reports/sla.xlsx': '401 403 403 403 200 200 200 200',
  'GET /reserves': '401 200 200 200 200 200 200 200',
  'GET /reserves/{id}': ['401 404 404 200 200 200 200 200', '401 404 404 404 404 404 200 200'],
  'GET /reserves/export.xlsx': '401 200 200 200 200 200 200 200',
  'GET /reserves/gaps': '401 200 200 200 200 200 200 200',
  'GET /stats': '401 200 200 200 200 200 200 200',
  'GET /tasks': '401 200 200 200 200 200 200 200',
  'GET /tasks/{id}': '401 404 404 404 404 404 404 404',
  'GET /townships': '401 200 200 200 200 200 200 200',
  'GET /townships/{id}': ['401 200 200 200 200 200 200 200', '401 404 404 404 404 404 200 200'],
  'GET /users': '401 200 200 200 200 200 200 200',
  'GET /users/{id}': ['401 404 404 404 200 200 200 200', '401 404 404 404 404 404 200 200'],
  'GET /villages': '401 200 200 200 200 200 200 200',
  'GET /villages/{id}': ['401 200 404 200 200 200 200 200', '401 404 404 404 404 404 200 200'],
  'GET /webhooks': '401 200 200 200 200 200 200 200',
  'GET /webhooks/{id}': '401 404 404 404 404 404 404 404',
  'POST /auth/login': '400 400 400 400 400 400 400 400',
  'POST /cadres': '401 400 400 400 400 400 400 400',
  'POST /calendar-overrides': '401 400 400 400 400 400 400 400',
  'POST /delegations': '401 400 400 400 400 400 400 400',
  'POST /notifications/{id}/read': '401 404 404 404 404 404 404 404',
  'POST /notifications/read-all': '401 200 200 200 200 200 200 200',
  'POST /processes/{id}/cancel': '401 400 400 400 400 400 400 400',
  'POST /processes/{id}/incident/cancel': '401 400 400 400 400 400 400 400',
  'POST /processes/{id}/incident/retry': ['401 400 400 400 400 400 400 400', '401 404 404 404 404 404 404 404'],
  'POST /processes/{id}/terminate': '401 400 400 400 400 400 400 400',
  'POST /processes/bulk-operations': '401 403 403 403 400 403 403 400',
  'POST /processes/bulk-operations/preview': '401 403 403 403 200 403 403 200',
  'POST /processes/annual-assessment/objections': '401 400 400 400 400 400 400 400',
  'POST /processes/annual-assessment/schedule/backfill': '401 400 400 400 400 400 400 400',
  'POST /processes/annual-assessment/schedule/pause': '401 400 400 400 400 400 400 400',
  'POST /processes/annual-assessment/schedule/unpause': '401 400 400 400 400 400 400 400',
  'POST /processes/annual-assessment/start': '401 400 400 400 400 400 400 400',
  'POST /processes/mentor-pairing': '401 400 400 400 400 400 400 400',
  'POST /processes/mentor-pairing/{id}/end-early': '401 400 400 400 400 400 400 400',
  'POST /processes/mentor-pairing/{id}/reassign-mentor': '401 400 400 400 400 400 400 400',
  'POST /processes/mentor-pairing/bulk': '401 400 400 400 400 400 400 400',
  'POST /processes/mentor-pairing/import': '401 403 403 403 415 403 403 415',
  'POST /processes/reserve-cultivation/intakes': '401 400 400 400 400 400 400 400',
  'POST /processes/reserve-cultivation/intakes/exam-scores': '401 400 400 400 400 400 400 400',
  'POST /processes/reserve-cultivation/nominations': '401 400 400 400 400 400 400 400',
  'POST /processes/reserve-cultivation/objections': '401 400 400 400 400 400 400 400',
  'POST /processes/reserve-cultivation/reserves/{id}/exit': '401 400 400 400 400 400 400 400',
  'POST /processes/reserve-cultivation/reserves/{id}/use': '401 400 400 400 400 400 400 400',
  'POST /processes/targeted-recruitment/applications/{id}/withdraw': '401 404 404 404 404 404 404 404',
  'POST /processes/targeted-recruitment/campaigns': '401 400 400 400 400 400 400 400',
  'POST /processes/targeted-recruitment/campaigns/{id}/applications': '401 400 400 400 400 400 400 400',
  'POST /processes/targeted-recruitment/campaigns/{id}/publish': '401 404 404 404 404 404 404 404',
  'POST /processes/targeted-recruitment/campaigns/{id}/scores': '401 400 400 400 400 400 400 400',
  'POST /processes/urge-overdue': '401 400 400 400 400 400 400 400',
  'POST /tasks/{id}/actions': '401 400 400 400 400 400 400 400',
  'POST /tasks/batch-decide': '401 400 400 400 400 400 400 400',
  'POST /townships': '401 400 400 400 400 400 400 400',
  'POST /users': '401 400 400 400 400 400 400 400',
  'POST /villages': '401 400 400 400 400 400 400 400',
  'POST /webhooks': '401 400 400 400 400 400 400 400',
  'PUT /cadres/{id}': ['401 403 403 403 200 403 403 200', '401 403 403 403 404 403 403 200'],
  'PUT /calendar-overrides/{id}': '401 400 400 400 400 400 400 400',
  'PUT /county-settings/reserve-pool': '401 400 400 400 400 400 400 400',
  'PUT /delegations/{id}': '401 403 403 403 403 403 403 403',
  'PUT /processes/annual-assessment/schedule': '401 400 400 400 400 400 400 400',
  'PUT /processes/targeted-recruitment/campaigns/{id}': '401 400 400 400 400 400 400 400',
  'PUT /processes/targeted-recruitment/campaigns/{id}/rules': '401 400 400 400 400 400 400 400',
  'PUT /townships/{id}': '401 403 403 403 403 403 403 200',
  'PUT /users/{id}': '401 403 403 403 403 403 403 200',
  'PUT /villages/{id}': '401 403 403 403 403 403 403 200',
  'PUT /webhooks/{id}': '401 404 404 404 404 404 404 404',
  'DELETE /cadres/{id}': ['401 403 403 403 409 403 403 409', '401 403 403 403 404 403 403 409'],
  'DELETE /calendar-overrides/{id}': '401 400 400 400 400 400 400 400',
  'DELETE /delegations/{id}': '401 404 404 404 404 404 404 404',
  'DELETE /townships/{id}': '401 403 403 403 403 403 403 409',
  'DELETE /users/{id}': ['401 403 403 403 403 403 403 200', '401 403 403 403 401 403 403 200'],
  'DELETE /villages/{id}': '401 403 403 403 401 403 403 409',
  'DELETE /webhooks/{id}': '401 404 404 404 401 404 404 404',
  'POST /auth/logout': '401 204 204 204 401 204 204 204',
};
