import { sql, type Kysely } from 'kysely';

// The public notice (公示) of a township's assessment year: when the township officer published
// the ranking and when the notice ends. Until it is published the ranking is the township's own
// draft, so cadres and villages do not see it and no objection can be filed against it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_notices')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assessment_notices_pk', ['year', 'township_id'])
    .execute();
}
