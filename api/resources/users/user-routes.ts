import { hash } from '@node-rs/argon2';
import { writeAudit } from '../../audit/audit.js';
import { conflictField, fail } from '../../errors/errors.js';
import { createRouter } from '../../router.js';
import { assertCanWrite, isUniqueViolation } from '../common.js';
import { crudRoutes } from '../crud-routes.js';
import { parseListQuery, setContentRange } from '../list-query.js';
import { getUser, listUsers, resolveUnits } from './user-queries.js';
import { USER_SORTS, UserFilter, UserInput, UserSchema, UserUpdate } from './user-schemas.js';

const routes = crudRoutes({
  tag: 'users 账号',
  noun: 'user accounts',
  record: UserSchema,
  createInput: UserInput,
  updateInput: UserUpdate,
});
const usernameTaken = () => conflictField('username', '该用户名已被使用', 'this username is taken');

export function createUserRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c, { filter: UserFilter, sortable: USER_SORTS, defaultSort: 'id' });
    const { rows, total } = await listUsers(c.var.deps.db, c.var.user, query);
    setContentRange(c, 'users', query.offset, rows.length, total);
    return c.json(rows, 200);
  });

  app.openapi(routes.show, async (c) => {
    const row = await getUser(c.var.deps.db, c.var.user, c.req.valid('param').id);
    if (!row) throw fail('not_found');
    return c.json(row, 200);
  });

  app.openapi(routes.create, async (c) => {
    assertCanWrite(c.var.user, 'users');
    const { password, townshipId, villageId, personId, ...input } = c.req.valid('json');
    const db = c.var.deps.db;
    const units = await resolveUnits(db, input.role, { townshipId, villageId, personId });
    const { id } = await db
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        active: input.active ?? true,
        password_hash: await hash(password),
        ...units,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e) => {
        throw isUniqueViolation(e) ? usernameTaken() : e;
      });
    await writeAudit(c, { action: 'record.created', resource: 'users', recordId: id, detail: { ...input, ...units } });
    return c.json((await getUser(db, c.var.user, id))!, 201);
  });

  app.openapi(routes.update, async (c) => {
    assertCanWrite(c.var.user, 'users');
    const { id } = c.req.valid('param');
    const { password, townshipId, villageId, personId, ...input } = c.req.valid('json');
    const db = c.var.deps.db;
    const current = await getUser(db, c.var.user, id);
    if (!current) throw fail('not_found');
    const role = input.role ?? current.role;
    const unitsChanged =
      input.role !== undefined || townshipId !== undefined || villageId !== undefined || personId !== undefined;
    const units = unitsChanged
      ? await resolveUnits(db, role, {
          townshipId: townshipId !== undefined ? townshipId : current.townshipId,
          villageId: villageId !== undefined ? villageId : current.villageId,
          personId: personId !== undefined ? personId : current.personId,
        })
      : {};
    const columns = {
      ...(input.username !== undefined ? { username: input.username } : {}),
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(password !== undefined ? { password_hash: await hash(password) } : {}),
      ...units,
    };
    if (Object.keys(columns).length > 0) {
      await db
        .transaction()
        .execute(async (tx) => {
          await tx.updateTable('users').set(columns).where('id', '=', id).execute();
          // A new password, a new role or a disabled account ends the sessions it had.
          if (password !== undefined || input.role !== undefined || input.active === false || unitsChanged) {
            await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
          }
        })
        .catch((e) => {
          throw isUniqueViolation(e) ? usernameTaken() : e;
        });
      await writeAudit(c, {
        action: 'record.updated',
        resource: 'users',
        recordId: id,
        detail: { ...input, ...(password ? { password: '(changed)' } : {}), ...units },
      });
    }
    return c.json((await getUser(db, c.var.user, id))!, 200);
  });

  // Accounts are disabled, not erased: the audit log keeps pointing at them.
  app.openapi(routes.remove, async (c) => {
    assertCanWrite(c.var.user, 'users');
    const { id } = c.req.valid('param');
    const db = c.var.deps.db;
    const current = await getUser(db, c.var.user, id);
    if (!current) throw fail('not_found');
    if (id === c.var.user.id) throw conflictField('id', '不能停用自己的账号', 'you cannot disable your own account');
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ active: false }).where('id', '=', id).execute();
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    });
    await writeAudit(c, {
      action: 'record.deleted',
      resource: 'users',
      recordId: id,
      detail: { username: current.username, disabled: true },
    });
    return c.json({ ...current, active: false }, 200);
  });

  return app;
}
