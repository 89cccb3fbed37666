// 整乡发起: every newly elected cadre of a township who has no running pairing gets one,
// with the township's mentors shared out so each has about the same number of mentees.
import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import type { BulkPairingBody } from './mentor-pairing-schemas.js';
import { assertMayStart, startPairing } from './start-pairing.js';

export async function startPairingsForTownship(c: Context<AppEnv>, body: z.infer<typeof BulkPairingBody>) {
  assertMayStart(c, body.townshipId, body.settings);
  const db = c.var.deps.db;
  const mentees = await db
    .selectFrom('people as p')
    .select(['p.id', 'p.name'])
    .where('p.township_id', '=', body.townshipId)
    .where('p.newly_elected', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('processes as x')
            .select('x.id')
            .where('x.type', '=', 'mentor-pairing')
            .where('x.status', '=', 'running')
            .whereRef('x.subject_person_id', '=', 'p.id'),
        ),
      ),
    )
    .orderBy('p.id')
    .execute();
  const mentors = await db
    .selectFrom('people as p')
    .innerJoin('users as u', (j) =>
      j.onRef('u.person_id', '=', 'p.id').on('u.role', '=', 'mentor').on('u.active', '=', true),
    )
    .select(['p.id'])
    .where('p.township_id', '=', body.townshipId)
    .where('p.is_mentor', '=', true)
    .orderBy('p.id')
    .execute();
  const load = new Map<number, number>(mentors.map((m) => [m.id, 0]));
  const running = await db
    .selectFrom('processes')
    .select('params')
    .where('type', '=', 'mentor-pairing')
    .where('status', '=', 'running')
    .where('township_id', '=', body.townshipId)
    .execute();
  for (const r of running) {
    const id = (r.params as { mentor?: { personId?: number } }).mentor?.personId;
    if (id !== undefined && load.has(id)) load.set(id, load.get(id)! + 1);
  }

  const started: { id: string; title: string }[] = [];
  const skipped: { personId: number; name: string; reason: string }[] = [];
  for (const mentee of mentees) {
    const candidates = [...load.entries()]
      .filter(([id]) => id !== mentee.id)
      .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    if (candidates.length === 0) {
      skipped.push({ personId: mentee.id, name: mentee.name, reason: '本乡镇没有可用的导师' });
      continue;
    }
    const [mentorId] = candidates[0];
    try {
      started.push(
        await startPairing(c, {
          menteePersonId: mentee.id,
          mentorPersonId: mentorId,
          reason: '新任干部整乡结对',
          settings: body.settings,
        }),
      );
      load.set(mentorId, load.get(mentorId)! + 1);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ personId: mentee.id, name: mentee.name, reason: error.fields?.[0]?.message ?? error.messageZh });
    }
  }
  return { started, skipped };
}
