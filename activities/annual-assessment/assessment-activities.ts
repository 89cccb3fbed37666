// What the annual assessment reads and writes outside its workflows: who is assessed, and the
// rankings it publishes (each version kept).
import { sql } from 'kysely';
import type { DB } from '../../db/database.js';

export interface AssessedCadre {
  personId: number;
  userId: number | null;
  name: string;
  villageId: number;
  /** 村党组织书记: reviewed by the township instead of by themselves. */
  isSecretary: boolean;
}

export interface RankingRow {
  personId: number;
  total: number | null;
  grade: string | null;
  rank: number | null;
  top: boolean;
  bottom: boolean;
  missingStep: string | null;
  scores: Record<string, number>;
}

export function createAssessmentActivities(db: DB) {
  return {
    async listTownshipIds(): Promise<number[]> {
      return (await db.selectFrom('townships').select('id').orderBy('id').execute()).map((r) => r.id);
    },

    /** Members of the two committees in a township, each with the account they sign in with. */
    async listTownshipCadres(townshipId: number): Promise<AssessedCadre[]> {
      const rows = await db
        .selectFrom('people as p')
        .select([
          'p.id as personId',
          'p.name',
          'p.village_id as villageId',
          sql<boolean>`exists (select 1 from positions s where s.person_id = p.id and s.committee = 'party_branch' and s.title = 'secretary')`.as(
            'isSecretary',
          ),
          sql<
            number | null
          >`(select u.id from users u where u.person_id = p.id and u.active order by case u.role when 'cadre' then 0 when 'village_secretary' then 1 else 2 end, u.id limit 1)`.as(
            'userId',
          ),
        ])
        .where('p.township_id', '=', townshipId)
        .where(sql<boolean>`exists (select 1 from positions s where s.person_id = p.id)`)
        .orderBy('p.id')
        .execute();
      return rows.map((r) => ({ ...r, isSecretary: Boolean(r.isSecretary) }));
    },

    async recordRanking(input: {
      year: number;
      townshipId: number;
      version: number;
      final: boolean;
      rows: RankingRow[];
    }): Promise<void> {
      if (input.rows.length === 0) return;
      await db
        .insertInto('assessment_results')
        .values(
          input.rows.map((r) => ({
            year: input.year,
            person_id: r.personId,
            township_id: input.townshipId,
            version: input.version,
            total: r.total,
            grade: r.grade,
            rank: r.rank,
            top: r.top,
            bottom: r.bottom,
            missing_step: r.missingStep,
            scores: JSON.stringify(r.scores),
            final: input.final,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['year', 'person_id', 'version']).doUpdateSet((eb) => ({ final: eb.ref('excluded.final') })),
        )
        .execute();
    },

    /** 公示: the township officer published the ranking; the notice ends at `endsAt`. A retry rewrites the same row. */
    async openNotice(input: {
      year: number;
      townshipId: number;
      openedAt: string;
      endsAt: string;
      publishedBy: number | null;
    }): Promise<void> {
      const row = { opened_at: input.openedAt, ends_at: input.endsAt, published_by: input.publishedBy };
      await db
        .insertInto('assessment_notices')
        .values({ year: input.year, township_id: input.townshipId, ...row })
        .onConflict((oc) => oc.columns(['year', 'township_id']).doUpdateSet(row))
        .execute();
    },

    /** The open step of each unfinished assessment, for the list of missing ones. */
    async openStepNames(processIds: string[]): Promise<Record<string, string>> {
      if (processIds.length === 0) return {};
      const rows = await db
        .selectFrom('tasks')
        .select(['process_id', 'step_name'])
        .where('process_id', 'in', processIds)
        .where('status', '=', 'open')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.process_id, r.step_name]));
    },
  };
}

export type AssessmentActivities = ReturnType<typeof createAssessmentActivities>;
