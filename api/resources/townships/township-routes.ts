import { writeAudit } from '../../audit/audit.js';
import { conflictField, fail } from '../../errors/errors.js';
import { createRouter } from '../../router.js';
import { scopeOf } from '../../scope/scope.js';
import { assertCanWrite, isUniqueViolation } from '../common.js';
import { crudRoutes } from '../crud-routes.js';
import { parseListQuery, setContentRange } from '../list-query.js';
import { getTownship, listTownships } from './township-queries.js';
import { TOWNSHIP_SORTS, TownshipFilter, TownshipInput, TownshipSchema } from './township-schemas.js';

const routes = crudRoutes({
  tag: 'townships 乡镇',
  noun: 'townships',
  record: TownshipSchema,
  createInput: TownshipInput,
  updateInput: TownshipInput.partial(),
});

const codeTaken = () => conflictField('code', '该区划代码已被使用', 'this code is already used');

export function createTownshipRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c, { filter: TownshipFilter, sortable: TOWNSHIP_SORTS, defaultSort: 'code' });
    const { rows, total } = await listTownships(c.var.deps.db, scopeOf(c.var.user), query);
    setContentRange(c, 'townships', query.offset, rows.length, total);
    return c.json(rows, 200);
  });

  app.openapi(routes.show, async (c) => {
    const row = await getTownship(c.var.deps.db, scopeOf(c.var.user), c.req.valid('param').id);
    if (!row) throw fail('not_found');
    return c.json(row, 200);
  });

  app.openapi(routes.create, async (c) => {
    assertCanWrite(c.var.user, 'townships');
    const input = c.req.valid('json');
    const db = c.var.deps.db;
    const inserted = await db
      .insertInto('townships')
      .values(input)
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e) => {
        throw isUniqueViolation(e) ? codeTaken() : e;
      });
    await writeAudit(c, { action: 'record.created', resource: 'townships', recordId: inserted.id, detail: input });
    return c.json((await getTownship(db, { level: 'county' }, inserted.id))!, 201);
  });

  app.openapi(routes.update, async (c) => {
    assertCanWrite(c.var.user, 'townships');
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const db = c.var.deps.db;
    if (!(await getTownship(db, scopeOf(c.var.user), id))) throw fail('not_found');
    if (Object.keys(input).length > 0) {
      await db
        .updateTable('townships')
        .set(input)
        .where('id', '=', id)
        .execute()
        .catch((e) => {
          throw isUniqueViolation(e) ? codeTaken() : e;
        });
      await writeAudit(c, { action: 'record.updated', resource: 'townships', recordId: id, detail: input });
    }
    return c.json((await getTownship(db, { level: 'county' }, id))!, 200);
  });

  app.openapi(routes.remove, async (c) => {
    assertCanWrite(c.var.user, 'townships');
    const { id } = c.req.valid('param');
    const db = c.var.deps.db;
    const row = await getTownship(db, scopeOf(c.var.user), id);
    if (!row) throw fail('not_found');
    if (row.villageCount > 0) {
      throw conflictField(
        'id',
        `该乡镇下还有 ${row.villageCount} 个村(社区)，不能删除`,
        `the township still has ${row.villageCount} villages`,
      );
    }
    await db.deleteFrom('townships').where('id', '=', id).execute();
    await writeAudit(c, {
      action: 'record.deleted',
      resource: 'townships',
      recordId: id,
      detail: { code: row.code, name: row.name },
    });
    return c.json(row, 200);
  });

  return app;
}
