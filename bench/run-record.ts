// What the runs left behind, read once the measured run is done, for the record: the rows the
// engine wrote besides the inbox rows, and how much Temporal work each kind of workflow asked for.
import type { Client } from '@temporalio/client';
import type { DB } from '../db/database.js';
import { ANNUAL_ASSESSMENT } from '../workflows/annual-assessment/annual-assessment-definition.js';
import { ID_PREFIX, YEAR } from './bench-run.js';
import type { Cadre } from './county.js';

export async function rowsWritten(db: DB) {
  return db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('processes')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('processes'),
      eb
        .selectFrom('tasks')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('tasks'),
      eb
        .selectFrom('task_events')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('task_events'),
      eb
        .selectFrom('notifications')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('notifications'),
    ])
    .executeTakeFirstOrThrow();
}

/** History events of one workflow of each kind: a probe, a cadre's assessment and its township's. */
export async function historyLengths(client: Client, cadres: Cadre[]) {
  const historyLength = async (workflowId: string) => {
    try {
      return (await client.workflow.getHandle(workflowId).fetchHistory()).events?.length;
    } catch {
      return undefined;
    }
  };
  const firstCadre = cadres.find((c) => c.userId !== null)!;
  return {
    probe: await historyLength(`${ID_PREFIX}probe-0`),
    cadreAssessment: await historyLength(`${ID_PREFIX}${ANNUAL_ASSESSMENT}-${YEAR}-p${firstCadre.personId}`),
    townshipAssessment: await historyLength(`${ID_PREFIX}${ANNUAL_ASSESSMENT}-${YEAR}-t${firstCadre.townshipId}`),
  };
}
