import { sql, type Kysely } from 'kysely';

// The organisation of a county, its people, sign-in and the audit trail.
// Checks live in the database too, so a bad row cannot come in by another door.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('townships')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('township', 'subdistrict')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('villages')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('village', 'community')`))
    .addColumn('area', 'text', (c) => c.notNull().check(sql`area in ('rural', 'urban')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('villages_township_idx').on('villages').column('township_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('male', 'female')`))
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull().unique())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('party_member', 'boolean', (c) => c.notNull())
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addColumn('village_id', 'integer', (c) => c.notNull().references('villages.id'))
    .addColumn('newly_elected', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_mentor', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_reserve', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('people_township_idx').on('people').column('township_id').execute();
  await db.schema.createIndex('people_village_idx').on('people').column('village_id').execute();
  await db.schema.createIndex('people_name_idx').on('people').column('name').execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('committee', 'text', (c) => c.notNull().check(sql`committee in ('party_branch', 'villagers_committee')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('term_start', 'date', (c) => c.notNull())
    .addColumn('term_end', 'date', (c) => c.notNull())
    .addCheckConstraint('positions_term_order', sql`term_end > term_start`)
    .execute();
  await db.schema.createIndex('positions_person_idx').on('positions').column('person_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('township_id', 'integer', (c) => c.references('townships.id'))
    .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource', 'text')
    .addColumn('record_id', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'at']).execute();
}

// Forward-only: no down(). A mistake is mended by a new migration.
