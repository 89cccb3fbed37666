import { sql } from 'kysely';
import type { ReserveStatus } from '../../../db/schema.js';

/**
 * The statuses in which a person counts as a reserve (后备干部): 试用期 and 在库. Candidates of an
 * intake (推荐中, 考察中, 公示中) are not yet reserves; 已使用 and 已退出 no longer are. The view
 * `reserve_people` (migration 0007) says the same.
 */
export const RESERVE_STATUSES_IN_POOL = ['trial', 'in_pool'] as const satisfies readonly ReserveStatus[];

/** Whether the person aliased `p` is a reserve now, for a select or a where. */
export const isReserveOf = (personAlias = 'p') =>
  sql<boolean>`exists (select 1 from reserves r where r.person_id = ${sql.ref(`${personAlias}.id`)} and r.status in ('trial', 'in_pool'))`;
