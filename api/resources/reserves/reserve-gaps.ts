// 缺口一览: per township, what the county and the township act on: villages below the target
// number of reserves, reserves without a mentor, talks overdue, reserves ageing out within a year.
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import type { Scope } from '../../scope/scope.js';
import { villagesInScope } from '../villages/village-queries.js';
import { poolInScope, type PoolClock } from './reserve-queries.js';

export interface TownshipGaps {
  townshipId: number;
  townshipName: string;
  villages: number;
  reserves: number;
  villagesBelowTarget: number;
  withoutMentor: number;
  talksOverdue: number;
  ageingOut: number;
}

export async function reserveGaps(db: DB, scope: Scope, clock: PoolClock) {
  const target = clock.settings.targetPerVillage;
  const [villages, pool] = await Promise.all([
    villagesInScope(db, scope)
      .select([
        'v.township_id as townshipId',
        't.name as townshipName',
        sql<number>`count(*)::int`.as('villages'),
        sql<number>`count(*) filter (where (select count(*) from reserves r where r.village_id = v.id and r.status in ('trial', 'in_pool')) < ${target}::int)::int`.as(
          'villagesBelowTarget',
        ),
      ])
      .groupBy(['v.township_id', 't.name'])
      .execute(),
    poolInScope(db, scope, clock)
      .select([
        'pool.townshipId',
        sql<number>`count(*)::int`.as('reserves'),
        sql<number>`count(*) filter (where pool."mentorPersonId" is null)::int`.as('withoutMentor'),
        sql<number>`count(*) filter (where pool."mentorTalkOverdue" or pool."secretaryTalkOverdue")::int`.as(
          'talksOverdue',
        ),
        sql<number>`count(*) filter (where pool."ageingOut")::int`.as('ageingOut'),
      ])
      .where('pool.status', 'in', ['trial', 'in_pool'])
      .groupBy('pool.townshipId')
      .execute(),
  ]);
  const byTownship = new Map(pool.map((p) => [p.townshipId, p]));
  const townships: TownshipGaps[] = villages
    .map((v) => {
      const p = byTownship.get(v.townshipId);
      return {
        ...v,
        reserves: p?.reserves ?? 0,
        withoutMentor: p?.withoutMentor ?? 0,
        talksOverdue: p?.talksOverdue ?? 0,
        ageingOut: p?.ageingOut ?? 0,
      };
    })
    .sort((a, b) => a.townshipId - b.townshipId);
  const sum = (key: keyof Omit<TownshipGaps, 'townshipId' | 'townshipName'>) =>
    townships.reduce((total, t) => total + t[key], 0);
  return {
    targetPerVillage: target,
    asOf: clock.today,
    totals: {
      villages: sum('villages'),
      reserves: sum('reserves'),
      villagesBelowTarget: sum('villagesBelowTarget'),
      withoutMentor: sum('withoutMentor'),
      talksOverdue: sum('talksOverdue'),
      ageingOut: sum('ageingOut'),
    },
    townships,
  };
}
