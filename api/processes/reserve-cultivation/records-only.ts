// 使用 and 退出 of a reserve on record from before qinglan: it has no cultivation workflow to
// ask, so its record is changed directly, written as the cultivation would write it.
import type { Context } from 'hono';
import { createReserveActivities } from '../../../activities/reserve-cultivation/reserve-activities.js';
import { chinaDayOf } from '../../../domain/china-time.js';
import {
  EXIT_KIND_NAMES,
  type ExitKind,
} from '../../../workflows/reserve-cultivation/reserve-cultivation-definition.js';
import type { AppEnv } from '../../context.js';

/** Use and exit of a reserve without a cultivation workflow: the record alone, as its workflow would write it. */
export function recordedOnly(c: Context<AppEnv>) {
  const acts = createReserveActivities(c.var.deps.db);
  const actorUserId = c.var.user.id;
  return {
    async use(
      reserve: { id: number; mentor_person_id: number | null },
      body: { post: string; date: string; note?: string },
    ) {
      await acts.setReserveStatus({
        reserveId: reserve.id,
        to: 'used',
        reason: `已使用：${body.post}${body.note ? `（${body.note}）` : ''}`,
        on: body.date,
        actorUserId,
        workflowId: null,
        usedPost: body.post,
      });
      return { mentor: reserve.mentor_person_id ? { personId: reserve.mentor_person_id } : null };
    },
    async exit(reserve: { id: number }, body: { kind: ExitKind; reason: string }) {
      const why = `${EXIT_KIND_NAMES[body.kind]}：${body.reason}`;
      await acts.setReserveStatus({
        reserveId: reserve.id,
        to: 'exited',
        reason: `退出：${why}`,
        on: chinaDayOf(Date.now()),
        actorUserId,
        workflowId: null,
        exitReason: why,
      });
    },
  };
}
