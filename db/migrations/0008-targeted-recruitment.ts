import { sql, type Kysely } from 'kysely';

// Targeted recruitment (定向考录): a county campaign recruiting township civil servants
// (乡镇公务员) and public-institution staff (事业编制) from serving village cadres. A campaign's
// rules are kept as versions: a draft may change them, publishing (公告) freezes the version in
// force, so every decision can be read against the rules it was made under. Each applicant has
// one application per campaign, their scores, bonus points with their source, and every status
// change with who, when and why.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 党建联络员: a post the township gives to a village, outside the two committees; a campaign
  // may open to it. The committee column names the body a seat belongs to, so it gains one.
  await sql`alter table positions drop constraint if exists positions_committee_check`.execute(db);
  await sql`alter table positions add constraint positions_committee_check
            check (committee in ('party_branch', 'villagers_committee', 'party_liaison'))`.execute(db);

  await db.schema
    .createTable('recruitment_campaigns')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'published', 'closed', 'cancelled')`),
    )
    // the rules version a published campaign runs under; null while a draft
    .addColumn('rules_version', 'integer')
    .addColumn('workflow_id', 'text', (c) => c.unique())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('recruitment_campaigns_published_rules', sql`status = 'draft' or rules_version is not null`)
    .execute();

  // Every version of a campaign's rules; versions of a published campaign are never added.
  await db.schema
    .createTable('recruitment_campaign_rules')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('recruitment_campaigns.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('recruitment_campaign_rules_pk', ['campaign_id', 'version'])
    .execute();

  // 招录职位: a kind of post with its places (e.g. 乡镇公务员 5, 事业编制 3).
  await db.schema
    .createTable('recruitment_positions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('recruitment_campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('civil_service', 'public_institution')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull().check(sql`places > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('recruitment_positions_name_uq', ['campaign_id', 'name'])
    .execute();

  await db.schema
    .createTable('recruitment_applications')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('recruitment_campaigns.id'))
    .addColumn('position_id', 'integer', (c) => c.notNull().references('recruitment_positions.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addColumn('village_id', 'integer', (c) => c.notNull().references('villages.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // the eligibility found at application, with every reason (empty when eligible)
    .addColumn('eligibility', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('total', 'numeric(6, 2)')
    .addColumn('rank', 'integer')
    .addColumn('hired_on', 'date')
    .addColumn('probation_ends_on', 'date')
    // 最低服务年限: the day before which the hire may not leave the township
    .addColumn('serves_until', 'date')
    .addColumn('registered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('workflow_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('recruitment_applications_person_uq', ['campaign_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('recruitment_applications_township_idx')
    .on('recruitment_applications')
    .columns(['campaign_id', 'township_id'])
    .execute();
  await db.schema
    .createIndex('recruitment_applications_person_idx')
    .on('recruitment_applications')
    .column('person_id')
    .execute();

  // 笔试 / 面试 scores, one per application and exam, from the province's spreadsheet.
  await db.schema
    .createTable('recruitment_scores')
    .addColumn('application_id', 'integer', (c) => c.notNull().references('recruitment_applications.id'))
    .addColumn('exam', 'text', (c) => c.notNull().check(sql`exam in ('written', 'interview')`))
    .addColumn('score', 'numeric(5, 2)', (c) => c.check(sql`score between 0 and 100`))
    .addColumn('absent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('source', 'text') // the file or batch the score came from
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('recruitment_scores_pk', ['application_id', 'exam'])
    .addCheckConstraint('recruitment_scores_present', sql`absent or score is not null`)
    .execute();

  // 加分: county and prefecture awards, each with the award it comes from.
  await db.schema
    .createTable('recruitment_bonus_points')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('recruitment_applications.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('county', 'prefecture')`))
    .addColumn('points', 'numeric(4, 2)', (c) => c.notNull().check(sql`points > 0`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('awarded_on', 'date')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('recruitment_bonus_points_application_idx')
    .on('recruitment_bonus_points')
    .column('application_id')
    .execute();

  // Every change of an application's status, with who, when and why.
  await db.schema
    .createTable('recruitment_status_changes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('recruitment_applications.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'date', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('workflow_id', 'text')
    // the same change recorded twice (a retried activity) is one row
    .addColumn('change_key', 'text', (c) => c.unique())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('recruitment_status_changes_application_idx')
    .on('recruitment_status_changes')
    .column('application_id')
    .execute();
}
