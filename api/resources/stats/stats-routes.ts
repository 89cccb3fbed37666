import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { requireUser } from '../../auth/authenticate.js';
import { errorResponses } from '../../openapi/responses.js';
import { createRouter } from '../../router.js';
import { scopeOf } from '../../scope/scope.js';
import { peopleInScope } from '../cadres/cadre-queries.js';
import { isReserveOf } from '../reserves/is-reserve.js';
import { villagesInScope } from '../villages/village-queries.js';

const Stats = z
  .object({
    townships: z.number().int(),
    villages: z.number().int(),
    communities: z.number().int(),
    cadres: z.number().int(),
    newlyElected: z.number().int(),
    newSecretaries: z.number().int(),
    mentors: z.number().int(),
    reserves: z.number().int(),
  })
  .openapi('Stats');

const stats = createRoute({
  method: 'get',
  path: '/',
  tags: ['stats'],
  summary: 'Counts for the dashboard, within the caller’s scope',
  middleware: [requireUser] as const,
  responses: {
    200: { description: 'Counts', content: { 'application/json': { schema: Stats } } },
    ...errorResponses(401),
  },
});

const holdsPosition = sql<boolean>`exists (select 1 from positions s where s.person_id = p.id)`;
const isSecretary = sql<boolean>`exists (select 1 from positions s where s.person_id = p.id and s.committee = 'party_branch' and s.title = 'secretary')`;

export function createStatsRoutes() {
  const app = createRouter();
  app.openapi(stats, async (c) => {
    const db = c.var.deps.db;
    const scope = scopeOf(c.var.user);
    const [places, people] = await Promise.all([
      villagesInScope(db, scope)
        .select([
          sql<number>`count(distinct v.township_id)::int`.as('townships'),
          sql<number>`count(*) filter (where v.kind = 'village')::int`.as('villages'),
          sql<number>`count(*) filter (where v.kind = 'community')::int`.as('communities'),
        ])
        .executeTakeFirstOrThrow(),
      peopleInScope(db, scope)
        .select([
          sql<number>`count(*) filter (where ${holdsPosition})::int`.as('cadres'),
          sql<number>`count(*) filter (where p.newly_elected)::int`.as('newlyElected'),
          sql<number>`count(*) filter (where p.newly_elected and ${isSecretary})::int`.as('newSecretaries'),
          sql<number>`count(*) filter (where p.is_mentor)::int`.as('mentors'),
          sql<number>`count(*) filter (where ${isReserveOf()})::int`.as('reserves'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    return c.json({ ...places, ...people }, 200);
  });
  return app;
}
