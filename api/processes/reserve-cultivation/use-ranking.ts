// 使用推荐: one village's reserves read from their records and put in the order of
// domain/reserve-use-ranking.ts, for the township to propose from when a 两委 seat falls vacant
// or an election comes. Reserves on trial (试用期) are listed too: the use route accepts them
// (a trial may be cut short by an election), and the rule ranks an unfinished trial below a
// finished one, so they come after their peers rather than being hidden from the township.
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import { rankForUse, type ReviewYear } from '../../../domain/reserve-use-ranking.js';
import type { SessionUser } from '../../context.js';
import { fail } from '../../errors/errors.js';

/** County and auditor: every village; township roles: their township's; a village secretary: their own. */
function seesVillage(user: SessionUser, village: { id: number; township_id: number }): boolean {
  switch (user.role) {
    case 'county_admin':
    case 'auditor':
      return true;
    case 'township_officer':
    case 'township_secretary':
      return user.townshipId === village.township_id;
    case 'village_secretary':
      return user.villageId === village.id;
    default:
      return false;
  }
}

const countOf = (kind: 'training' | 'placement') =>
  sql<number>`(select count(*)::int from reserve_records x where x.reserve_id = r.id and x.kind = ${kind})`;

export async function villageUseRanking(db: DB, user: SessionUser, villageId: number) {
  const village = await db
    .selectFrom('villages as v')
    .innerJoin('townships as t', 't.id', 'v.township_id')
    .select(['v.id', 'v.name', 'v.township_id', 't.name as township_name'])
    .where('v.id', '=', villageId)
    .executeTakeFirst();
  if (!village || !seesVillage(user, village)) throw fail('not_found');

  const rows = await db
    .selectFrom('reserves as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('people as m', 'm.id', 'r.mentor_person_id')
    .select([
      'r.id as reserveId',
      'r.person_id as personId',
      'p.name',
      sql<'trial' | 'in_pool'>`r.status`.as('status'),
      'r.entered_on as enteredOn',
      'm.name as mentorName',
      'r.cultivation_workflow_id as cultivationWorkflowId',
      'r.intake_workflow_id as intakeWorkflowId',
      countOf('training').as('trainings'),
      countOf('placement').as('placements'),
      // The day the trial ended; a reserve on record before qinglan (no such change) from its entry.
      sql<string | null>`case when r.status = 'in_pool' then coalesce(
        (select max(c.changed_on) from reserve_status_changes c where c.reserve_id = r.id and c.to_status = 'in_pool'),
        r.entered_on) end`.as('trialCompletedOn'),
      sql<ReviewYear[]>`coalesce((select json_agg(json_build_object(
          'year', extract(year from x.started_on)::int, 'result', x.detail) order by x.started_on, x.id)
        from reserve_records x where x.reserve_id = r.id and x.kind = 'review' and x.detail in ('pass', 'fail')),
        '[]'::json)`.as('reviews'),
    ])
    .where('r.village_id', '=', villageId)
    .where('r.status', 'in', ['trial', 'in_pool'])
    .execute();

  const ranked = rankForUse(rows).map(({ cultivationWorkflowId, intakeWorkflowId, ...row }) => ({
    ...row,
    trialCompleted: row.trialCompletedOn !== null,
    // On the running cultivation, or the record alone for one 在库 from before qinglan (no workflow).
    canUse:
      cultivationWorkflowId !== null ||
      row.status === 'in_pool' ||
      (row.status === 'trial' && intakeWorkflowId !== null),
  }));
  return {
    villageId: village.id,
    villageName: village.name,
    townshipId: village.township_id,
    townshipName: village.township_name,
    rows: ranked,
  };
}
