// GET /api/people/{id}/dossier (一人一档): the person's whole record in time order. The person
// must be in the caller's scope (404 otherwise, as for the cadre record); the entries carry no
// ID numbers or phones, so nothing here needs unmasking.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../auth/authenticate.js';
import { fail } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { createRouter } from '../../router.js';
import { scopeOf } from '../../scope/scope.js';
import { peopleInScope } from '../cadres/cadre-queries.js';
import { IdParam } from '../common.js';
import { dossierOf } from './dossier-queries.js';

const EntrySchema = z
  .object({
    on: z.string().openapi({ description: "'YYYY-MM-DD' in China time" }),
    kind: z.enum(['process', 'assessment_result', 'reserve_status', 'reserve_record', 'recruitment_application']),
    role: z.string().openapi({ description: 'mentee / mentor / subject / actor / reserve / applicant' }),
    processType: z.string().nullable(),
    title: z.string(),
    status: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    processId: z.string().nullable().openapi({ description: 'the process timeline: /api/processes/{processId}' }),
    reserveId: z.number().int().nullable(),
  })
  .openapi('DossierEntry');

const DossierSchema = z
  .object({
    personId: z.number().int(),
    name: z.string(),
    entries: z.array(EntrySchema),
  })
  .openapi('Dossier');

const dossier = createRoute({
  method: 'get',
  path: '/{id}/dossier',
  tags: ['people 人员'],
  middleware: requireUser,
  summary: 'A person’s dossier (一人一档): every process they took part in, in time order',
  request: { params: IdParam },
  responses: { 200: jsonResponse(DossierSchema, 'The dossier'), ...errorResponses(400, 401, 404) },
});

export function createDossierRoutes() {
  const app = createRouter();
  app.openapi(dossier, async (c) => {
    const db = c.var.deps.db;
    const { id } = c.req.valid('param');
    const person = await peopleInScope(db, scopeOf(c.var.user))
      .select(['p.id', 'p.name'])
      .where('p.id', '=', id)
      .executeTakeFirst();
    if (!person) throw fail('not_found');
    return c.json({ personId: person.id, name: person.name, entries: await dossierOf(db, person.id) }, 200);
  });
  return app;
}
