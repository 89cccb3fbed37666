// What the reserve intake and cultivation workflows read and write outside themselves: the
// villages and their places, the pool's rows and every change of status (with reason, day and
// actor), cultivation records, and the annual assessment's verdict on a reserve. Every write is
// keyed by what the workflow decided, so a retried activity changes nothing twice.
import { sql } from 'kysely';
import type { DB } from '../../db/database.js';
import type { ReserveRecordKind, ReserveSource, ReserveStatus } from '../../db/schema.js';
import { currentReservePoolSettingsVersion } from '../../domain/reserve-pool-settings-store.js';
import type { ReservePoolSettings } from '../../domain/reserve-pool-settings.js';

export interface IntakeVillageRow {
  villageId: number;
  name: string;
  /** The gap between the county's target and the reserves the village has now. */
  places: number;
}

export interface StatusChange {
  reserveId: number;
  to: ReserveStatus;
  reason: string;
  /** 'YYYY-MM-DD', China day. */
  on: string;
  actorUserId: number | null;
  /** null for a reserve on record from before qinglan, changed without a cultivation workflow. */
  workflowId: string | null;
  enteredOn?: string;
  usedPost?: string;
  exitReason?: string;
}

export interface ReserveSubject {
  reserveId: number;
  personId: number;
  name: string;
  userId: number | null;
  townshipId: number;
  villageId: number;
  status: ReserveStatus;
  enteredOn: string | null;
  mentor: { personId: number; name: string; userId: number | null } | null;
}

const ACTIVE: ReserveStatus[] = ['nominated', 'under_review', 'on_notice', 'trial', 'in_pool'];

export function createReserveActivities(db: DB) {
  const accountOf = async (personId: number) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('person_id', '=', personId)
        .where('active', '=', true)
        .orderBy((eb) => eb.case().when('role', '=', 'cadre').then(0).when('role', '=', 'mentor').then(1).else(2).end())
        .orderBy('id')
        .executeTakeFirst()
    )?.id ?? null;

  return {
    async intakeVillages(input: { townshipId: number; targetPerVillage: number }): Promise<IntakeVillageRow[]> {
      const rows = await db
        .selectFrom('villages as v')
        .select([
          'v.id as villageId',
          'v.name',
          sql<number>`(select count(*)::int from reserves r where r.village_id = v.id and r.status in ('trial', 'in_pool'))`.as(
            'held',
          ),
        ])
        .where('v.township_id', '=', input.townshipId)
        .orderBy('v.id')
        .execute();
      return rows.map((r) => ({
        villageId: r.villageId,
        name: r.name,
        places: Math.max(0, input.targetPerVillage - r.held),
      }));
    },

    /** 推荐: a reserves row (推荐中) and its first status change; a person already active is refused. */
    async createNomination(input: {
      workflowId: string;
      year: number;
      townshipId: number;
      villageId: number;
      personId: number;
      source: Exclude<ReserveSource, 'legacy'>;
      reason: string;
      on: string;
      actorUserId: number | null;
    }): Promise<{ reserveId: number } | { conflict: string }> {
      return db.transaction().execute(async (tx) => {
        // A retried activity finds its own row.
        const mine = await tx
          .selectFrom('reserves')
          .select('id')
          .where('person_id', '=', input.personId)
          .where('intake_workflow_id', '=', input.workflowId)
          .executeTakeFirst();
        if (mine) return { reserveId: mine.id };
        const active = await tx
          .selectFrom('reserves')
          .select(['id', 'status'])
          .where('person_id', '=', input.personId)
          .where('status', 'in', ACTIVE)
          .executeTakeFirst();
        if (active) return { conflict: active.status };
        const row = await tx
          .insertInto('reserves')
          .values({
            person_id: input.personId,
            township_id: input.townshipId,
            village_id: input.villageId,
            status: 'nominated',
            source: input.source,
            intake_year: input.year,
            intake_workflow_id: input.workflowId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('reserve_status_changes')
          .values({
            reserve_id: row.id,
            from_status: null,
            to_status: 'nominated',
            reason: input.reason,
            changed_on: input.on,
            actor_user_id: input.actorUserId,
            workflow_id: input.workflowId,
          })
          .execute();
        return { reserveId: row.id };
      });
    },

    /** One change of status with its reason; a retry (already in that status) changes nothing. */
    async setReserveStatus(change: StatusChange): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const current = await tx
          .selectFrom('reserves')
          .select('status')
          .where('id', '=', change.reserveId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (current.status === change.to) return;
        await tx
          .updateTable('reserves')
          .set({
            status: change.to,
            updated_at: new Date(),
            ...(change.enteredOn ? { entered_on: change.enteredOn } : {}),
            ...(change.usedPost ? { used_post: change.usedPost } : {}),
            ...(change.to === 'used' || change.to === 'exited' ? { ended_on: change.on } : {}),
            ...(change.exitReason ? { exit_reason: change.exitReason } : {}),
          })
          .where('id', '=', change.reserveId)
          .execute();
        await tx
          .insertInto('reserve_status_changes')
          .values({
            reserve_id: change.reserveId,
            from_status: current.status,
            to_status: change.to,
            reason: change.reason,
            changed_on: change.on,
            actor_user_id: change.actorUserId,
            workflow_id: change.workflowId,
          })
          .execute();
      });
    },

    async linkCultivation(input: { reserveId: number; workflowId: string }): Promise<void> {
      await db
        .updateTable('reserves')
        .set({ cultivation_workflow_id: input.workflowId })
        .where('id', '=', input.reserveId)
        .execute();
    },

    async reserveSubject(reserveId: number): Promise<ReserveSubject> {
      const r = await db
        .selectFrom('reserves as r')
        .innerJoin('people as p', 'p.id', 'r.person_id')
        .leftJoin('people as m', 'm.id', 'r.mentor_person_id')
        .select([
          'r.id',
          'r.person_id',
          'p.name',
          'r.township_id',
          'r.village_id',
          'r.status',
          'r.entered_on',
          'm.id as mentorId',
          'm.name as mentorName',
        ])
        .where('r.id', '=', reserveId)
        .executeTakeFirstOrThrow();
      return {
        reserveId: r.id,
        personId: r.person_id,
        name: r.name,
        userId: await accountOf(r.person_id),
        townshipId: r.township_id,
        villageId: r.village_id,
        status: r.status,
        enteredOn: r.entered_on,
        mentor:
          r.mentorId != null
            ? { personId: r.mentorId, name: r.mentorName ?? '', userId: await accountOf(r.mentorId) }
            : null,
      };
    },

    /**
     * 确定导师: a serving member of the two committees, a person on the mentor list, or a person
     * with a township official's account. Refused (with why) otherwise; the reserve's row records it.
     */
    async assignMentor(input: {
      reserveId: number;
      mentorPersonId: number;
    }): Promise<
      { ok: true; mentor: { personId: number; name: string; userId: number | null } } | { ok: false; reason: string }
    > {
      const reserve = await db
        .selectFrom('reserves')
        .select(['person_id'])
        .where('id', '=', input.reserveId)
        .executeTakeFirstOrThrow();
      if (reserve.person_id === input.mentorPersonId) return { ok: false, reason: '导师不能是本人' };
      const person = await db
        .selectFrom('people as p')
        .select([
          'p.id',
          'p.name',
          'p.is_mentor',
          sql<boolean>`exists (select 1 from positions s where s.person_id = p.id and s.term_end >= current_date)`.as(
            'serving',
          ),
          sql<boolean>`exists (select 1 from users u where u.person_id = p.id and u.active and u.role in ('township_officer', 'township_secretary'))`.as(
            'official',
          ),
        ])
        .where('p.id', '=', input.mentorPersonId)
        .executeTakeFirst();
      if (!person) return { ok: false, reason: '所选导师不存在' };
      if (!person.is_mentor && !person.serving && !person.official)
        return { ok: false, reason: `${person.name} 不是在任村干部、导师或乡镇干部` };
      await db
        .updateTable('reserves')
        .set({ mentor_person_id: person.id, updated_at: new Date() })
        .where('id', '=', input.reserveId)
        .execute();
      return { ok: true, mentor: { personId: person.id, name: person.name, userId: await accountOf(person.id) } };
    },

    /** 谈话 / 培训 / 岗位锻炼 / 年度考察: one record per key. */
    async recordReserveRecord(input: {
      key: string;
      reserveId: number;
      kind: ReserveRecordKind;
      detail: string | null;
      startedOn: string;
      endedOn?: string | null;
      note?: string | null;
      recordedBy: number | null;
      workflowId: string;
    }): Promise<void> {
      await db
        .insertInto('reserve_records')
        .values({
          record_key: input.key,
          reserve_id: input.reserveId,
          kind: input.kind,
          detail: input.detail,
          started_on: input.startedOn,
          ended_on: input.endedOn ?? null,
          note: input.note ?? null,
          recorded_by: input.recordedBy,
          workflow_id: input.workflowId,
        })
        .onConflict((oc) => oc.column('record_key').doNothing())
        .execute();
    },

    /**
     * The annual assessment's verdict on a reserve who was assessed (a serving cadre): 不称职 is
     * 不合格, any other grade 合格; null when the year has no final result for them.
     */
    async assessmentVerdict(input: { personId: number; year: number }): Promise<'pass' | 'fail' | null> {
      const row = await db
        .selectFrom('assessment_results')
        .select(['grade'])
        .where('person_id', '=', input.personId)
        .where('year', '=', input.year)
        .where('final', '=', true)
        .where('grade', 'is not', null)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      if (!row) return null;
      return row.grade === 'incompetent' ? 'fail' : 'pass';
    },

    /**
     * The county's reserve pool settings in force now, with their version (0: the defaults).
     * Read by a workflow at the start of each run or step, so a change applies from the next.
     */
    async reservePoolSettings(): Promise<{ version: number; settings: ReservePoolSettings }> {
      const { version, settings } = await currentReservePoolSettingsVersion(db);
      return { version, settings };
    },
  };
}

export type ReserveActivities = ReturnType<typeof createReserveActivities>;
