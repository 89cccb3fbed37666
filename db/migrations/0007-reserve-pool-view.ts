import { sql, type Kysely } from 'kysely';

// `people.is_reserve` was a flag kept beside the pool; from here on a person is a reserve
// (后备干部) when the pool says so: an entry in 试用期 (trial) or 在库 (in pool). People still
// in an intake (推荐中, 考察中, 公示中) are candidates, not yet reserves; 已使用 and 已退出 have left.
// The view `reserve_people` says it once for psql and reports; the API uses the same rule
// (api/resources/reserves/is-reserve.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  // 0006 carried the flagged people over; anyone flagged since gets an entry too before the
  // flag goes, so no reserve on record is lost.
  await sql`
    with added as (
      insert into reserves (person_id, township_id, village_id, status, source, entered_on)
      select p.id, p.township_id, p.village_id, 'in_pool', 'legacy', p.created_at::date
        from people p
       where p.is_reserve
         and not exists (select 1 from reserves r where r.person_id = p.id and r.status not in ('used', 'exited'))
      returning id, entered_on
    )
    insert into reserve_status_changes (reserve_id, from_status, to_status, reason, changed_on)
    select id, null, 'in_pool', '已在库（启用人才库前的记录）', entered_on from added`.execute(db);
  await db.schema.alterTable('people').dropColumn('is_reserve').execute();
  await sql`
    create view reserve_people as
    select r.person_id, r.id as reserve_id, r.township_id, r.village_id, r.status, r.entered_on, r.mentor_person_id
      from reserves r
     where r.status in ('trial', 'in_pool')`.execute(db);
}
