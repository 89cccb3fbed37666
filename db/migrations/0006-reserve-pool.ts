import { sql, type Kysely } from 'kysely';

// The reserve cadre pool (后备干部人才库) as records rather than a flag: a reserve is a person
// with an entry, its status history, and the cultivation records (talks, training, placements,
// yearly reviews) the intake and cultivation workflows write. County rules that change over
// the years (target per village, age limit, notice and trial lengths) are kept as versions so a
// decision can be read against the rule in force on its day. Discipline records feed the
// eligibility checks of this process and of targeted recruitment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reserves')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addColumn('village_id', 'integer', (c) => c.notNull().references('villages.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('nominated', 'under_review', 'on_notice', 'trial', 'in_pool', 'used', 'exited')`),
    )
    // 组织推荐 / 群众推荐 / 个人自荐; `legacy` for reserves on record before qinglan
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('organisation', 'mass', 'self', 'legacy')`))
    .addColumn('intake_year', 'integer')
    .addColumn('entered_on', 'date') // 入库: set when the notice ends and the trial starts
    .addColumn('mentor_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('used_post', 'text') // 已使用: the seat taken
    .addColumn('ended_on', 'date') // 已使用 or 已退出
    .addColumn('exit_reason', 'text')
    .addColumn('intake_workflow_id', 'text')
    .addColumn('cultivation_workflow_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A person is in the pool at most once at a time; after 已使用 or 已退出 they may come again.
  await sql`create unique index reserves_person_active_idx on reserves (person_id)
            where status not in ('used', 'exited')`.execute(db);
  await db.schema
    .createIndex('reserves_township_status_idx')
    .on('reserves')
    .columns(['township_id', 'status'])
    .execute();
  await db.schema.createIndex('reserves_village_idx').on('reserves').column('village_id').execute();

  // Every change of status, with its reason and date: the pool's history is read from here.
  await db.schema
    .createTable('reserve_status_changes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('reserve_id', 'integer', (c) => c.notNull().references('reserves.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'date', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('workflow_id', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('reserve_status_changes_reserve_idx')
    .on('reserve_status_changes')
    .column('reserve_id')
    .execute();

  // Cultivation records: 导师谈话, 乡镇党委书记谈话, 培训, 跟班学习 / 挂职 / 助理, 年度考察.
  await db.schema
    .createTable('reserve_records')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('reserve_id', 'integer', (c) => c.notNull().references('reserves.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('mentor_talk', 'secretary_talk', 'training', 'placement', 'review')`),
    )
    // placement: shadowing | secondment | assistant; review: pass | fail; training: free text
    .addColumn('detail', 'text')
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('workflow_id', 'text')
    // the same step recorded twice (a retried activity) is one record
    .addColumn('record_key', 'text', (c) => c.unique())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('reserve_records_reserve_idx').on('reserve_records').column('reserve_id').execute();

  // County rules, one row per version; the highest version is in force.
  await db.schema
    .createTable('county_settings')
    .addColumn('topic', 'text', (c) => c.notNull()) // e.g. 'reserve_pool'
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('values', 'jsonb', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('county_settings_pk', ['topic', 'version'])
    .execute();

  // Villages the county marks for relaxed age limits (e.g. remote villages: 45 instead of 40).
  await db.schema
    .alterTable('villages')
    .addColumn('relaxed_age_limit', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  // 不合格党员 / 立案审查 / 处分影响期: what disqualifies a nominee or an applicant.
  await db.schema
    .createTable('discipline_records')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('unqualified_member', 'under_investigation', 'disciplinary_period')`),
    )
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date') // open while under investigation
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('discipline_records_person_idx').on('discipline_records').column('person_id').execute();

  // The reserves already flagged become pool entries (在库) with a first status change, so no
  // reserve on record is lost when the flag goes.
  await sql`
    insert into reserves (person_id, township_id, village_id, status, source, entered_on)
    select id, township_id, village_id, 'in_pool', 'legacy', created_at::date from people where is_reserve`.execute(db);
  await sql`
    insert into reserve_status_changes (reserve_id, from_status, to_status, reason, changed_on)
    select id, null, 'in_pool', '已在库（启用人才库前的记录）', entered_on from reserves`.execute(db);
}
