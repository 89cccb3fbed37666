import { sql, type Kysely } from 'kysely';

// The read side of processes and their human steps. Temporal holds the truth of a run; these
// tables let the inbox, the lists and the timeline answer in one indexed query, scoped in SQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  await db.schema
    .createTable('processes')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the workflow id
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('township_id', 'integer', (c) => c.references('townships.id'))
    .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
    .addColumn('subject_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running'))
    .addColumn('current_step', 'text')
    .addColumn('started_by', 'integer', (c) => c.references('users.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ended_at', 'timestamptz')
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('outcome', 'jsonb')
    .execute();
  await db.schema.createIndex('processes_type_status_idx').on('processes').columns(['type', 'status']).execute();
  await db.schema.createIndex('processes_township_idx').on('processes').column('township_id').execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // workflow id : step key : round. Deterministic, so a retried activity finds its own row.
    .addColumn('task_key', 'text', (c) => c.notNull().unique())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('process_type', 'text', (c) => c.notNull())
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('step_name', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('actions', 'jsonb', (c) => c.notNull())
    .addColumn('assignee_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('assignee_role', 'text')
    .addColumn('assignee_township_id', 'integer', (c) => c.references('townships.id'))
    .addColumn('assignee_village_id', 'integer', (c) => c.references('villages.id'))
    .addColumn('township_id', 'integer', (c) => c.references('townships.id'))
    .addColumn('village_id', 'integer', (c) => c.references('villages.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('context', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('decision', 'jsonb')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('tasks_open_user_idx').on('tasks').columns(['status', 'assignee_user_id']).execute();
  await db.schema
    .createIndex('tasks_open_role_idx')
    .on('tasks')
    .columns(['status', 'assignee_role', 'assignee_township_id'])
    .execute();
  await db.schema.createIndex('tasks_process_idx').on('tasks').column('process_id').execute();
  await db.schema.createIndex('tasks_due_idx').on('tasks').columns(['status', 'due_at']).execute();

  // The business timeline: who did what to which step, when and why.
  await db.schema
    .createTable('task_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('event_key', 'text', (c) => c.notNull().unique()) // idempotency for retried activities
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('task_events_process_idx').on('task_events').columns(['process_id', 'at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('notification_key', 'text', (c) => c.notNull()) // with user_id: one per recipient
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addUniqueConstraint('notifications_once', ['notification_key', 'user_id'])
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at']).execute();

  // Group robots (DingTalk, WeCom) a township or the county posts reminders to.
  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('township_id', 'integer', (c) => c.references('townships.id')) // null: the county's
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('dingtalk', 'wecom')`))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text') // DingTalk's signing secret
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  // Holidays and make-up workdays (调休) beyond what the bundled calendar knows.
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  // 请假委托: while on leave, another person acts on one's tasks.
  await db.schema
    .createTable('delegations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('delegate_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addCheckConstraint('delegations_order', sql`ends_on >= starts_on`)
    .execute();
}
