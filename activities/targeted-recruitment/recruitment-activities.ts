// What the targeted recruitment workflows read and write outside themselves: applications and
// every change of their status (who, when, why), the eligibility re-checked at review from the
// records, scores, bonus points, totals and hires. Writes are keyed by what the workflow
// decided, so a retried activity changes nothing twice.
import { sql } from 'kysely';
import type { DB } from '../../db/database.js';
import { recruitmentEligibilityOf } from '../../domain/recruitment-eligibility-records.js';
import type { RecruitmentReason } from '../../domain/recruitment-eligibility.js';
import type { RecruitmentRules } from '../../domain/recruitment-rules.js';
import type { AwardLevel } from '../../domain/recruitment-scoring.js';
import { writeApplicationStatus, type ApplicationStatusChange } from './application-status.js';

const addMonths = (day: string, months: number) => {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
};

export function createRecruitmentActivities(db: DB) {
  return {
    async createApplication(input: {
      campaignId: number;
      positionId: number;
      personId: number;
      townshipId: number;
      villageId: number;
      rulesVersion: number;
      eligibility: unknown[];
      registeredBy: number | null;
      workflowId: string;
      on: string;
    }): Promise<{ applicationId: number } | { conflict: string }> {
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('recruitment_applications')
          .select(['id', 'workflow_id'])
          .where('campaign_id', '=', input.campaignId)
          .where('person_id', '=', input.personId)
          .executeTakeFirst();
        // The same workflow's retry finds its own row; anyone else's is a duplicate.
        if (existing)
          return existing.workflow_id === input.workflowId ? { applicationId: existing.id } : { conflict: '已报名' };
        const row = await trx
          .insertInto('recruitment_applications')
          .values({
            campaign_id: input.campaignId,
            position_id: input.positionId,
            person_id: input.personId,
            township_id: input.townshipId,
            village_id: input.villageId,
            status: 'applied',
            eligibility: JSON.stringify(input.eligibility),
            rules_version: input.rulesVersion,
            registered_by: input.registeredBy,
            workflow_id: input.workflowId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('recruitment_status_changes')
          .values({
            application_id: row.id,
            from_status: null,
            to_status: 'applied',
            reason: '报名',
            changed_on: input.on,
            actor_user_id: input.registeredBy,
            workflow_id: input.workflowId,
            change_key: `${input.workflowId}:apply:${row.id}`,
          })
          .execute();
        return { applicationId: row.id };
      });
    },

    async setApplicationStatus(change: ApplicationStatusChange): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const done = await trx
          .selectFrom('recruitment_status_changes')
          .select('id')
          .where('change_key', '=', change.changeKey)
          .executeTakeFirst();
        if (done) return;
        const { status } = await trx
          .selectFrom('recruitment_applications')
          .select('status')
          .where('id', '=', change.applicationId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        // 放弃 and a cancellation are final: a change the campaign decided before them (or, for an
        // applicant terminated on its own, after them, before it was told) is dropped, and
        // a cancelled application is not cancelled a second time by the campaign's 撤销.
        if (status === 'cancelled' || (status === 'withdrawn' && change.to !== 'withdrawn')) return;
        await writeApplicationStatus(trx, status, change);
      });
    },

    /** 三龄两历 again at the county's review: the failed rules of each application, from the records. */
    async reviewEligibility(input: {
      applicationIds: number[];
      rules: RecruitmentRules;
      asOf: string;
    }): Promise<{ applicationId: number; reasons: RecruitmentReason[] }[]> {
      if (input.applicationIds.length === 0) return [];
      const rows = await db
        .selectFrom('recruitment_applications')
        .select(['id', 'person_id'])
        .where('id', 'in', input.applicationIds)
        .orderBy('id')
        .execute();
      const out = [];
      for (const r of rows) {
        const result = await recruitmentEligibilityOf(db, r.person_id, input.rules, input.asOf);
        out.push({ applicationId: r.id, reasons: result.reasons });
      }
      return out;
    },

    async saveScores(input: {
      exam: 'written' | 'interview';
      scores: { applicationId: number; score: number | null }[];
      source: string | null;
      recordedBy: number | null;
    }): Promise<void> {
      if (input.scores.length === 0) return;
      await db
        .insertInto('recruitment_scores')
        .values(
          input.scores.map((s) => ({
            application_id: s.applicationId,
            exam: input.exam,
            score: s.score,
            absent: s.score === null,
            source: input.source,
            recorded_by: input.recordedBy,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['application_id', 'exam']).doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            absent: eb.ref('excluded.absent'),
            source: eb.ref('excluded.source'),
            recorded_by: eb.ref('excluded.recorded_by'),
          })),
        )
        .execute();
    },

    /** The awards on record for each application (加分), by level. */
    async bonusAwards(input: { applicationIds: number[] }): Promise<Record<number, AwardLevel[]>> {
      const out: Record<number, AwardLevel[]> = {};
      if (input.applicationIds.length === 0) return out;
      const rows = await db
        .selectFrom('recruitment_bonus_points')
        .select(['application_id', 'level'])
        .where('application_id', 'in', input.applicationIds)
        .orderBy('id')
        .execute();
      for (const r of rows) (out[r.application_id] ??= []).push(r.level);
      return out;
    },

    async recordRecruitmentRanking(input: {
      results: { applicationId: number; total: number | null; rank: number | null }[];
    }) {
      for (const r of input.results)
        await db
          .updateTable('recruitment_applications')
          .set({ total: r.total, rank: r.rank, updated_at: sql`now()` })
          .where('id', '=', r.applicationId)
          .execute();
    },

    /** 录用: the day, the end of probation and the minimum service term. */
    async recordHire(input: {
      applicationId: number;
      hiredOn: string;
      probationMonths: number;
      minimumServiceYears: number;
    }): Promise<{ probationEndsOn: string; servesUntil: string }> {
      const probationEndsOn = addMonths(input.hiredOn, input.probationMonths);
      const servesUntil = addMonths(input.hiredOn, input.minimumServiceYears * 12);
      await db
        .updateTable('recruitment_applications')
        .set({
          hired_on: input.hiredOn,
          probation_ends_on: probationEndsOn,
          serves_until: servesUntil,
          updated_at: sql`now()`,
        })
        .where('id', '=', input.applicationId)
        .execute();
      return { probationEndsOn, servesUntil };
    },

    /**
     * The reason the county gave when it withdrew the campaign (撤销), as the API wrote it on
     * the timeline; the API writes it as it answers, so it is waited for a few seconds. Null
     * when none comes (a cancellation made outside the console).
     */
    async campaignCancelReason(input: { workflowId: string }): Promise<string | null> {
      for (let tries = 0; tries < 50; tries++) {
        const row = await db
          .selectFrom('task_events')
          .select('comment')
          .where('process_id', '=', input.workflowId)
          .where('action', '=', 'cancel_requested')
          .orderBy('at', 'desc')
          .executeTakeFirst();
        if (row) return row.comment;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return null;
    },

    async setCampaignStatus(input: { campaignId: number; status: 'published' | 'closed' | 'cancelled' }) {
      await db
        .updateTable('recruitment_campaigns')
        .set({ status: input.status })
        .where('id', '=', input.campaignId)
        .where('status', '!=', 'draft')
        .execute();
    },
  };
}

export type RecruitmentActivities = ReturnType<typeof createRecruitmentActivities>;
