import { sql, type Kysely } from 'kysely';

// Results of the annual assessment (年度考核), kept for later processes: targeted recruitment
// asks for recent grades. Each published ranking is kept as a version, so an upheld objection
// leaves both the first and the corrected ranking on record.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_results')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('township_id', 'integer', (c) => c.notNull().references('townships.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('total', 'numeric(5, 2)')
    .addColumn('grade', 'text')
    .addColumn('rank', 'integer')
    .addColumn('top', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('bottom', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('missing_step', 'text') // not scored by the deadline: the step it waited on
    .addColumn('scores', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('final', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assessment_results_pk', ['year', 'person_id', 'version'])
    .execute();
  await db.schema
    .createIndex('assessment_results_township_idx')
    .on('assessment_results')
    .columns(['year', 'township_id', 'version'])
    .execute();
}
