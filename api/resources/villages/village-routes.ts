import { writeAudit } from '../../audit/audit.js';
import { conflictField, fail, invalidField } from '../../errors/errors.js';
import { createRouter } from '../../router.js';
import { scopeOf } from '../../scope/scope.js';
import { assertCanWrite, isForeignKeyViolation, isUniqueViolation } from '../common.js';
import { crudRoutes } from '../crud-routes.js';
import { parseListQuery, setContentRange } from '../list-query.js';
import { getVillage, listVillages } from './village-queries.js';
import { VILLAGE_SORTS, VillageFilter, VillageInput, VillageSchema } from './village-schemas.js';

const routes = crudRoutes({
  tag: 'villages 村(社区)',
  noun: 'villages and communities',
  record: VillageSchema,
  createInput: VillageInput,
  updateInput: VillageInput.partial(),
});

type VillageInputValues = Partial<{
  code: string;
  name: string;
  kind: 'village' | 'community';
  area: 'rural' | 'urban';
  townshipId: number;
  relaxedAgeLimit: boolean;
}>;

function toColumns(input: VillageInputValues) {
  const { townshipId, relaxedAgeLimit, ...rest } = input;
  return {
    ...rest,
    ...(townshipId !== undefined ? { township_id: townshipId } : {}),
    ...(relaxedAgeLimit !== undefined ? { relaxed_age_limit: relaxedAgeLimit } : {}),
  };
}

function storeError(error: unknown): unknown {
  if (isUniqueViolation(error)) return conflictField('code', '该区划代码已被使用', 'this code is already used');
  if (isForeignKeyViolation(error)) return invalidField('townshipId', '所选乡镇不存在', 'no such township');
  return error;
}

export function createVillageRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c, { filter: VillageFilter, sortable: VILLAGE_SORTS, defaultSort: 'code' });
    const { rows, total } = await listVillages(c.var.deps.db, scopeOf(c.var.user), query);
    setContentRange(c, 'villages', query.offset, rows.length, total);
    return c.json(rows, 200);
  });

  app.openapi(routes.show, async (c) => {
    const row = await getVillage(c.var.deps.db, scopeOf(c.var.user), c.req.valid('param').id);
    if (!row) throw fail('not_found');
    return c.json(row, 200);
  });

  app.openapi(routes.create, async (c) => {
    assertCanWrite(c.var.user, 'villages');
    const input = c.req.valid('json');
    const db = c.var.deps.db;
    const { id } = await db
      .insertInto('villages')
      .values(toColumns(input) as Required<ReturnType<typeof toColumns>> & { township_id: number })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e) => {
        throw storeError(e);
      });
    await writeAudit(c, { action: 'record.created', resource: 'villages', recordId: id, detail: input });
    return c.json((await getVillage(db, { level: 'county' }, id))!, 201);
  });

  app.openapi(routes.update, async (c) => {
    assertCanWrite(c.var.user, 'villages');
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const db = c.var.deps.db;
    if (!(await getVillage(db, scopeOf(c.var.user), id))) throw fail('not_found');
    if (Object.keys(input).length > 0) {
      await db
        .updateTable('villages')
        .set(toColumns(input))
        .where('id', '=', id)
        .execute()
        .catch((e) => {
          throw storeError(e);
        });
      await writeAudit(c, { action: 'record.updated', resource: 'villages', recordId: id, detail: input });
    }
    return c.json((await getVillage(db, { level: 'county' }, id))!, 200);
  });

  app.openapi(routes.remove, async (c) => {
    assertCanWrite(c.var.user, 'villages');
    const { id } = c.req.valid('param');
    const db = c.var.deps.db;
    const row = await getVillage(db, scopeOf(c.var.user), id);
    if (!row) throw fail('not_found');
    const people = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('village_id', '=', id)
      .executeTakeFirstOrThrow();
    if (people.n > 0)
      throw conflictField(
        'id',
        `该村(社区)还有 ${people.n} 名人员，不能删除`,
        `the village still has ${people.n} people`,
      );
    await db.deleteFrom('villages').where('id', '=', id).execute();
    await writeAudit(c, {
      action: 'record.deleted',
      resource: 'villages',
      recordId: id,
      detail: { code: row.code, name: row.name },
    });
    return c.json(row, 200);
  });

  return app;
}
