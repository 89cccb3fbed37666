// The inbox scenario's data: ROWS task rows (and one process per ten tasks) written by
// generate_series in one statement each, spread over every village of the demo county. One task
// in 50 is open, of every kind of assignee; the assignees rotate over a person, the township officer, the village Party
// secretary, another person and the township Party secretary.
import { sql } from 'kysely';
import type { DB } from '../db/database.js';
import { log, secondsSince } from './bench-run.js';

export async function seedTasks(db: DB, rows: number): Promise<number> {
  const t0 = performance.now();
  const processes = Math.ceil(rows / 10);
  await sql`
    insert into processes (id, type, title, township_id, village_id, status, params)
    select 'seed-' || g, 'mentor-pairing', '导师帮带（种子）' || g, v.township_id, v.id,
           case when g % 5 = 0 then 'running' else 'completed' end, '{}'::jsonb
    from generate_series(1, ${processes}) g
    join (select id, township_id, row_number() over (order by id) - 1 as k from villages) v
      on v.k = g % (select count(*) from villages)`.execute(db);
  await sql`
    with v as (select id, township_id, row_number() over (order by id) - 1 as k from villages),
         u as (select id, row_number() over (order by id) - 1 as k from users where role in ('cadre', 'mentor')),
         nv as (select count(*) as n from villages),
         nu as (select count(*) as n from users where role in ('cadre', 'mentor'))
    insert into tasks (task_key, process_id, process_type, step_key, step_name, round, form, actions,
                       assignee_user_id, assignee_role, assignee_township_id, assignee_village_id,
                       township_id, village_id, status, due_at, context, created_at)
    select 'seed-' || p || ':step-' || g % 10 || ':1', 'seed-' || p, 'mentor-pairing', 'exchange.m' || (g % 10 + 1),
           '第 ' || (g % 10 + 1) || ' 月定期交流', 1, 'exchange', '["submit"]'::jsonb,
           case when g % 5 in (0, 3) then u.id end,
           case g % 5 when 1 then 'township_officer' when 2 then 'village_secretary' when 4 then 'township_secretary' end,
           case when g % 5 in (1, 2, 4) then v.township_id end,
           case when g % 5 = 2 then v.id end,
           v.township_id, v.id,
           case when (g / 5) % 50 = 0 then 'open' else 'done' end,
           now() + ((g % 60) - 20) * interval '1 day', '{}'::jsonb,
           now() - (g % 700) * interval '1 day'
    from generate_series(1, ${rows}) g
    cross join lateral (select ((g - 1) / 10) + 1 as p) pp
    join v on v.k = pp.p % (select n from nv)
    join u on u.k = g % (select n from nu)`.execute(db);
  await sql`analyze processes`.execute(db);
  await sql`analyze tasks`.execute(db);
  const { n } = (await sql<{ n: number }>`select count(*)::int as n from tasks`.execute(db)).rows[0];
  log(`seeded ${processes} processes and ${rows} tasks in ${secondsSince(t0).toFixed(1)} s (${n} task rows now)`);
  return n;
}
