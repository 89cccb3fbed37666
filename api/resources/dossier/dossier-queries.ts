// 一人一档: everything a person took part in, from the records each process keeps: processes
// about them (a pairing as mentee, their assessment), processes they acted in (a pairing as
// mentor, steps they decided), their assessment results with scores and ranks, their reserve
// pool history and their targeted recruitment applications (定向考录) with what came of them. One list in time order, each entry naming the process it links to.
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import { MENTOR_PAIRING } from '../../../workflows/mentor-pairing/mentor-pairing-definition.js';
import { RESERVE_CULTIVATION } from '../../../workflows/reserve-cultivation/reserve-cultivation-definition.js';
import { RESERVE_INTAKE } from '../../../workflows/reserve-cultivation/reserve-intake-definition.js';
import { RECRUITMENT_APPLICANT } from '../../../workflows/targeted-recruitment/targeted-recruitment-definition.js';

export interface DossierEntry {
  /** 'YYYY-MM-DD' (China day) the entry is placed at */
  on: string;
  kind: 'process' | 'assessment_result' | 'reserve_status' | 'reserve_record' | 'recruitment_application';
  /** mentee, mentor, subject, actor; reserve for the pool's entries; applicant for 定向考录 */
  role: string;
  processType: string | null;
  title: string;
  status: string | null;
  /** what came of it: a grade, a score and rank, a status change's reason */
  detail: Record<string, unknown>;
  /** The process timeline to open (processes.id = the workflow id), when there is one. */
  processId: string | null;
  reserveId: number | null;
}

const chinaDay = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

export async function dossierOf(db: DB, personId: number): Promise<DossierEntry[]> {
  const user = await db.selectFrom('users').select('id').where('person_id', '=', personId).executeTakeFirst();
  const userId = user?.id ?? -1;
  const [processes, results, statuses, records, applications] = await Promise.all([
    db
      .selectFrom('processes as p')
      .select([
        'p.id',
        'p.type',
        'p.title',
        'p.status',
        'p.outcome',
        'p.subject_person_id as subject',
        sql<string | null>`p.params->'mentor'->>'personId'`.as('mentorId'),
        chinaDay('p.started_at').as('on'),
        chinaDay('p.ended_at').as('endedOn'),
      ])
      .where((eb) =>
        eb.or([
          eb('p.subject_person_id', '=', personId),
          sql<boolean>`p.params->'mentor'->>'personId' = ${String(personId)}`,
          sql<boolean>`exists (select 1 from task_events e where e.process_id = p.id and e.action = 'mentor_reassigned' and e.detail->'to'->>'personId' = ${String(personId)})`,
          sql<boolean>`exists (select 1 from tasks k where k.process_id = p.id and k.decided_by = ${userId})`,
        ]),
      )
      .execute(),
    db
      .selectFrom('assessment_results as a')
      .select([
        'a.year',
        'a.total',
        'a.grade',
        'a.rank',
        'a.top',
        'a.bottom',
        'a.final',
        'a.missing_step as missingStep',
        // the person's own assessment workflow of that year, when the result came from one
        // (results loaded from earlier years' records have none)
        sql<
          string | null
        >`(select p.id from processes p where p.type = 'annual-assessment' and p.subject_person_id = a.person_id and p.params->>'year' = a.year::text order by p.started_at desc limit 1)`.as(
          'processId',
        ),
      ])
      .where('a.person_id', '=', personId)
      // the latest version of each year's result
      .where(
        'a.version',
        '=',
        sql<number>`(select max(b.version) from assessment_results b where b.year = a.year and b.person_id = a.person_id)`,
      )
      .execute(),
    db
      .selectFrom('reserve_status_changes as c')
      .innerJoin('reserves as r', 'r.id', 'c.reserve_id')
      .select([
        'r.id as reserveId',
        'c.from_status as fromStatus',
        'c.to_status as toStatus',
        'c.reason',
        'c.changed_on as on',
        'c.workflow_id as workflowId',
        'r.intake_workflow_id as intakeWorkflowId',
        // the type of the process the change links to: the intake's changes are the intake's
        sql<
          string | null
        >`(select p.type from processes p where p.id = coalesce(c.workflow_id, r.intake_workflow_id))`.as('linkedType'),
      ])
      .where('r.person_id', '=', personId)
      .execute(),
    db
      .selectFrom('reserve_records as x')
      .innerJoin('reserves as r', 'r.id', 'x.reserve_id')
      .select([
        'r.id as reserveId',
        'x.kind',
        'x.detail',
        'x.note',
        'x.started_on as on',
        'x.ended_on as endedOn',
        'x.workflow_id as workflowId',
        'r.cultivation_workflow_id as cultivationWorkflowId',
      ])
      .where('r.person_id', '=', personId)
      .execute(),
    db
      .selectFrom('recruitment_applications as a')
      .innerJoin('recruitment_campaigns as c', 'c.id', 'a.campaign_id')
      .innerJoin('recruitment_positions as rp', 'rp.id', 'a.position_id')
      .select([
        'a.id',
        'a.campaign_id as campaignId',
        'c.title',
        'rp.name as position',
        'a.status',
        'a.total',
        'a.rank',
        'a.hired_on as hiredOn',
        'a.probation_ends_on as probationEndsOn',
        'a.workflow_id as workflowId',
        // the applicant's own workflow (the row keeps the campaign's, which registered it)
        sql<string | null>`(select p.id from processes p where p.type = ${RECRUITMENT_APPLICANT}
          and p.params->>'applicationId' = a.id::text order by p.started_at desc limit 1)`.as('applicantProcess'),
        chinaDay('a.created_at').as('on'),
        // why it stands where it does: the last change's reason
        sql<
          string | null
        >`(select s.reason from recruitment_status_changes s where s.application_id = a.id order by s.id desc limit 1)`.as(
          'reason',
        ),
      ])
      .where('a.person_id', '=', personId)
      .execute(),
  ]);

  const entries: DossierEntry[] = [
    // an application stands for its own applicant workflow, so that workflow is not listed twice
    ...processes
      .filter((p) => !(p.type === RECRUITMENT_APPLICANT && p.subject === personId))
      .map((p): DossierEntry => {
        const role =
          p.type === MENTOR_PAIRING
            ? p.subject === personId
              ? 'mentee'
              : 'mentor'
            : p.subject === personId
              ? 'subject'
              : 'actor';
        const outcome = (p.outcome ?? {}) as Record<string, unknown>;
        return {
          on: p.on,
          kind: 'process',
          role,
          processType: p.type,
          title: p.title,
          status: p.status,
          detail: { endedOn: p.endedOn, ...(outcome.grade ? { grade: outcome.grade } : {}) },
          processId: p.id,
          reserveId: null,
        };
      }),
    ...results.map((a): DossierEntry => ({
      on: `${a.year}-12-31`,
      kind: 'assessment_result',
      role: 'subject',
      processType: 'annual-assessment',
      title: `${a.year} 年度考核`,
      status: a.final ? 'final' : 'draft',
      detail: {
        year: a.year,
        total: a.total === null ? null : Number(a.total),
        grade: a.grade,
        rank: a.rank,
        top: a.top,
        bottom: a.bottom,
        missingStep: a.missingStep,
      },
      processId: a.processId,
      reserveId: null,
    })),
    ...statuses.map((c): DossierEntry => {
      const processId = c.workflowId ?? c.intakeWorkflowId;
      // Named by the process it links to; a link without its process row is the intake's when
      // it is the reserve's intake, else the cultivation's.
      const processType =
        c.linkedType ?? (processId !== null && processId === c.intakeWorkflowId ? RESERVE_INTAKE : RESERVE_CULTIVATION);
      return {
        on: c.on,
        kind: 'reserve_status',
        role: 'reserve',
        processType,
        title: '后备干部',
        status: c.toStatus,
        detail: { fromStatus: c.fromStatus, toStatus: c.toStatus, reason: c.reason },
        processId,
        reserveId: c.reserveId,
      };
    }),
    ...records.map((x): DossierEntry => ({
      on: x.on,
      kind: 'reserve_record',
      role: 'reserve',
      processType: 'reserve-cultivation',
      title: x.kind,
      status: null,
      detail: { kind: x.kind, detail: x.detail, note: x.note, endedOn: x.endedOn },
      processId: x.workflowId ?? x.cultivationWorkflowId,
      reserveId: x.reserveId,
    })),
    ...applications.map((a): DossierEntry => ({
      on: a.on,
      kind: 'recruitment_application',
      role: 'applicant',
      processType: RECRUITMENT_APPLICANT,
      title: a.title,
      status: a.status,
      detail: {
        campaignId: a.campaignId,
        applicationId: a.id,
        position: a.position,
        reason: a.reason,
        total: a.total === null ? null : Number(a.total),
        rank: a.rank,
        hiredOn: a.hiredOn,
        probationEndsOn: a.probationEndsOn,
      },
      processId: a.applicantProcess ?? a.workflowId,
      reserveId: null,
    })),
  ];
  // time order; on one day the process before what it produced
  const order = { process: 0, recruitment_application: 1, reserve_status: 2, reserve_record: 3, assessment_result: 4 };
  return entries.sort((a, b) => a.on.localeCompare(b.on) || order[a.kind] - order[b.kind]);
}
