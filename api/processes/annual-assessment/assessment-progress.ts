// 全县进度: per township, how many cadres are at each step, how many are overdue, how many are
// scored, and which ranking version is published — read live from the task and result tables.
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import { ANNUAL_ASSESSMENT } from '../../../workflows/annual-assessment/annual-assessment-definition.js';
import { stepFamily } from '../../../workflows/process-types.js';
import type { SessionUser } from '../../context.js';
import { scopeOf } from '../../scope/scope.js';

/** 考核中 → 待发布公示 → 公示中 → 异议处理中 → 待确认结果 → 已确定 */
export type TownshipStage = 'assessing' | 'ranked' | 'notice' | 'answering' | 'closing' | 'final';

export async function assessmentProgress(db: DB, user: SessionUser, year: number) {
  const scope = scopeOf(user);
  const prefix = `%annual-assessment-${year}-%`;
  let townships = db.selectFrom('townships as t').select(['t.id', 't.name', 't.code']);
  if (scope.level !== 'county') townships = townships.where('t.id', '=', scope.townshipId);
  const [places, open, done, ranking, notices] = await Promise.all([
    townships.orderBy('t.code').execute(),
    db
      .selectFrom('tasks')
      .select([
        'township_id',
        'step_key',
        sql<number>`count(*)::int`.as('n'),
        sql<number>`count(*) filter (where due_at < now())::int`.as('overdue'),
      ])
      .where('process_type', '=', 'annual-assessment')
      .where('status', '=', 'open')
      .where('process_id', 'like', prefix)
      .groupBy(['township_id', 'step_key'])
      .execute(),
    db
      .selectFrom('processes')
      .select(['township_id', sql<number>`count(*)::int`.as('n')])
      .where('type', '=', 'annual-assessment')
      .where('status', '=', 'completed')
      .where('subject_person_id', 'is not', null)
      .where('id', 'like', prefix)
      .groupBy('township_id')
      .execute(),
    db
      .selectFrom('assessment_results')
      .select(['township_id', sql<number>`max(version)::int`.as('version'), sql<boolean>`bool_or(final)`.as('final')])
      .where('year', '=', year)
      .groupBy('township_id')
      .execute(),
    db
      .selectFrom('assessment_notices')
      .select(['township_id', 'opened_at', 'ends_at'])
      .where('year', '=', year)
      .execute(),
  ]);
  const now = Date.now();
  return places.map((t) => {
    const steps: Record<string, number> = {};
    let overdue = 0;
    for (const row of open.filter((o) => o.township_id === t.id)) {
      const family = stepFamily(ANNUAL_ASSESSMENT, row.step_key);
      steps[family] = (steps[family] ?? 0) + row.n;
      overdue += row.overdue;
    }
    const r = ranking.find((x) => x.township_id === t.id);
    const notice = notices.find((n) => n.township_id === t.id);
    const final = Boolean(r?.final);
    const stage: TownshipStage = final
      ? 'final'
      : steps['confirm-results']
        ? 'closing'
        : steps['publish-notice']
          ? 'ranked'
          : notice
            ? now < notice.ends_at.getTime()
              ? 'notice'
              : 'answering'
            : r
              ? 'notice' // a year started before the officer published: on notice from the ranking
              : 'assessing';
    return {
      townshipId: t.id,
      townshipName: t.name,
      steps,
      overdue,
      scored: done.find((d) => d.township_id === t.id)?.n ?? 0,
      rankingVersion: r?.version ?? 0,
      final,
      stage,
      notice: notice ? { openedAt: notice.opened_at.toISOString(), endsAt: notice.ends_at.toISOString() } : null,
    };
  });
}
