import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import type { DB } from '../../../db/database.js';
import { writeAudit } from '../../audit/audit.js';
import type { AppEnv } from '../../context.js';
import { conflictField, fail, invalidField } from '../../errors/errors.js';
import { maskIdNumber, maskPhone } from '../../pii/mask.js';
import { createRouter } from '../../router.js';
import { seesFullPii } from '../../scope/permissions.js';
import { scopeOf, type Scope } from '../../scope/scope.js';
import { assertCanWrite, isUniqueViolation } from '../common.js';
import { crudRoutes } from '../crud-routes.js';
import { parseListQuery, setContentRange } from '../list-query.js';
import { getCadre, listCadres, type PersonRow } from './cadre-queries.js';
import {
  CADRE_SORTS,
  CadreFilter,
  CadreInput,
  CadreSchema,
  CadreUpdate,
  birthDateMatches,
  genderMatches,
} from './cadre-schemas.js';

const routes = crudRoutes({
  tag: 'cadres 村(社区)干部',
  noun: 'cadres',
  record: CadreSchema,
  createInput: CadreInput,
  updateInput: CadreUpdate,
});

/** The birth date goes with the ID number: a masked row keeps only its year (and the age). */
function masked<T extends Pick<PersonRow, 'idNumber' | 'phone' | 'birthDate'>>(row: T) {
  const { birthDate, ...rest } = row;
  return {
    ...rest,
    birthYear: birthYearOf(birthDate),
    idNumber: maskIdNumber(row.idNumber),
    phone: maskPhone(row.phone),
    piiMasked: true,
  };
}

const birthYearOf = (birthDate: string) => Number(birthDate.slice(0, 4));

/** Full personal data for the roles that need it, and every such read goes to the audit log. */
async function revealed<T extends Pick<PersonRow, 'id' | 'idNumber' | 'phone' | 'birthDate'>>(
  c: Context<AppEnv>,
  row: T,
) {
  const user = c.var.user;
  if (!seesFullPii(user.role, user.personId === row.id)) return masked(row);
  await writeAudit(c, {
    action: 'pii.read',
    resource: 'cadres',
    recordId: row.id,
    detail: { fields: ['idNumber', 'phone', 'birthDate'] },
  });
  return { ...row, birthYear: birthYearOf(row.birthDate), piiMasked: false };
}

/** The village must exist (else 400) and lie inside the writer's scope (else 403). */
async function checkVillage(db: DB, scope: Scope, villageId: number): Promise<number> {
  const village = await db
    .selectFrom('villages')
    .select(['id', 'township_id'])
    .where('id', '=', villageId)
    .executeTakeFirst();
  if (!village) throw invalidField('villageId', '所选村(社区)不存在', 'no such village');
  if (scope.level === 'township' && village.township_id !== scope.townshipId) throw fail('forbidden');
  if ((scope.level === 'village' || scope.level === 'person') && village.id !== scope.villageId)
    throw fail('forbidden');
  return village.township_id;
}

type Input = Partial<z.infer<typeof CadreInput>>;

function toColumns(input: Input, townshipId?: number) {
  const map: Record<string, unknown> = {
    name: input.name,
    gender: input.gender,
    birth_date: input.birthDate,
    id_number: input.idNumber,
    phone: input.phone,
    education: input.education,
    party_member: input.partyMember,
    village_id: input.villageId,
    township_id: townshipId,
    newly_elected: input.newlyElected,
    is_mentor: input.isMentor,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

/** Audit details never carry the personal data itself. */
function auditable(input: Input) {
  const { idNumber, phone, birthDate, ...rest } = input;
  return {
    ...rest,
    ...(birthDate ? { birthYear: birthYearOf(birthDate) } : {}),
    ...(idNumber ? { idNumber: maskIdNumber(idNumber) } : {}),
    ...(phone ? { phone: maskPhone(phone) } : {}),
  };
}

const idNumberTaken = () => conflictField('idNumber', '该身份证号已登记', 'this ID number is already registered');

async function replacePositions(db: DB, personId: number, positions: Input['positions']) {
  if (!positions) return;
  await db.deleteFrom('positions').where('person_id', '=', personId).execute();
  if (positions.length === 0) return;
  await db
    .insertInto('positions')
    .values(
      positions.map((p) => ({
        person_id: personId,
        committee: p.committee,
        title: p.title,
        term_start: p.termStart,
        term_end: p.termEnd,
      })),
    )
    .execute();
}

export function createCadreRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c, { filter: CadreFilter, sortable: CADRE_SORTS, defaultSort: 'id' });
    const { rows, total } = await listCadres(c.var.deps.db, scopeOf(c.var.user), query);
    setContentRange(c, 'cadres', query.offset, rows.length, total);
    return c.json(rows.map(masked), 200);
  });

  app.openapi(routes.show, async (c) => {
    const row = await getCadre(c.var.deps.db, scopeOf(c.var.user), c.req.valid('param').id);
    if (!row) throw fail('not_found');
    return c.json(await revealed(c, row), 200);
  });

  app.openapi(routes.create, async (c) => {
    assertCanWrite(c.var.user, 'cadres');
    const input = c.req.valid('json');
    const scope = scopeOf(c.var.user);
    const db = c.var.deps.db;
    const townshipId = await checkVillage(db, scope, input.villageId);
    // One transaction: a person is never stored without the positions sent with it.
    const id = await db
      .transaction()
      .execute(async (tx) => {
        const { id } = await tx
          .insertInto('people')
          .values(toColumns(input, townshipId) as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        await replacePositions(tx, id, input.positions);
        return id;
      })
      .catch((e) => {
        throw isUniqueViolation(e) ? idNumberTaken() : e;
      });
    await writeAudit(c, { action: 'record.created', resource: 'cadres', recordId: id, detail: auditable(input) });
    return c.json(await revealed(c, (await getCadre(db, { level: 'county' }, id))!), 201);
  });

  app.openapi(routes.update, async (c) => {
    assertCanWrite(c.var.user, 'cadres');
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const scope = scopeOf(c.var.user);
    const db = c.var.deps.db;
    const current = await getCadre(db, scope, id);
    if (!current) throw fail('not_found');
    const townshipId = input.villageId !== undefined ? await checkVillage(db, scope, input.villageId) : undefined;
    // A partial update must still agree with what is stored.
    const merged = {
      idNumber: input.idNumber ?? current.idNumber,
      birthDate: input.birthDate ?? current.birthDate,
      gender: input.gender ?? current.gender,
    };
    if (!birthDateMatches(merged))
      throw invalidField('birthDate', '出生日期与身份证号不一致', 'birth date does not match the ID number');
    if (!genderMatches(merged))
      throw invalidField('gender', '性别与身份证号不一致', 'gender does not match the ID number');
    await db
      .transaction()
      .execute(async (tx) => {
        const columns = toColumns(input, townshipId);
        if (Object.keys(columns).length > 0) await tx.updateTable('people').set(columns).where('id', '=', id).execute();
        await replacePositions(tx, id, input.positions);
      })
      .catch((e) => {
        throw isUniqueViolation(e) ? idNumberTaken() : e;
      });
    await writeAudit(c, { action: 'record.updated', resource: 'cadres', recordId: id, detail: auditable(input) });
    return c.json(await revealed(c, (await getCadre(db, { level: 'county' }, id))!), 200);
  });

  app.openapi(routes.remove, async (c) => {
    assertCanWrite(c.var.user, 'cadres');
    const { id } = c.req.valid('param');
    const db = c.var.deps.db;
    const row = await getCadre(db, scopeOf(c.var.user), id);
    if (!row) throw fail('not_found');
    const account = await db.selectFrom('users').select('username').where('person_id', '=', id).executeTakeFirst();
    if (account)
      throw conflictField(
        'id',
        `该人员有登录账号（${account.username}），请先停用账号`,
        `the person has a user account (${account.username})`,
      );
    await db.deleteFrom('people').where('id', '=', id).execute();
    await writeAudit(c, { action: 'record.deleted', resource: 'cadres', recordId: id, detail: { name: row.name } });
    return c.json(masked(row), 200);
  });

  return app;
}
