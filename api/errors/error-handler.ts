import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DatabaseUnavailableError } from '../../db/database-unavailable.js';
import type { AppEnv } from '../context.js';
import { AppError } from './app-error.js';
import { conflictField, fail, invalidField } from './errors.js';
import { fromTemporalError } from './temporal-errors.js';

// Hono's own exceptions (bad JSON, wrong content type) and Temporal's (a refused Update, an
// ended process) become our shape too; anything unexpected is logged with its stack and
// answered without it.
function fromHttpException(error: HTTPException): AppError {
  if (error.status === 400 && /json/i.test(error.message)) return fail('malformed_json');
  if (error.status === 400 && /content-type/i.test(error.message)) return fail('unsupported_media_type');
  if (error.status === 413) return fail('payload_too_large');
  if (error.status === 401) return fail('unauthenticated');
  if (error.status === 403) return fail('forbidden');
  if (error.status === 404) return fail('not_found');
  return fail('validation_failed');
}

/** Tables a clerk may meet when a delete is refused, in their words. */
const TABLE_NAMES: Record<string, [zh: string, en: string]> = {
  users: ['用户账号', 'user accounts'],
  people: ['人员', 'people'],
  villages: ['村（社区）', 'villages'],
  positions: ['任职记录', 'positions'],
  processes: ['流程', 'processes'],
  tasks: ['待办任务', 'tasks'],
  webhooks: ['群机器人', 'group robots'],
  delegations: ['委托', 'delegations'],
  reserves: ['后备干部', 'reserves'],
};

function stillReferenced(table: string | undefined): AppError {
  const [zh, en] = TABLE_NAMES[table ?? ''] ?? ['其他记录', 'other records'];
  return conflictField('id', `仍有${zh}关联此记录，不能删除`, `${en} still refer to this record`);
}

export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error instanceof HTTPException) appError = fromHttpException(error);
  else {
    const temporal = fromTemporalError(error);
    if (temporal) appError = temporal;
    // The database is away (a restart, a failover): nothing of this request was stored.
    else if (error instanceof DatabaseUnavailableError) {
      c.var.logger?.warn({ err: error.cause }, 'database unavailable');
      appError = new AppError('unavailable', {
        status: 503,
        zh: '数据库暂时无法连接，本次操作未完成，请稍后再试',
        en: 'The database cannot be reached; nothing was done, try again later',
      });
    }
    // PostgreSQL refuses text it cannot store (a NUL character, 0x00): the input's fault, not ours.
    else if (['22021', '22P05'].includes((error as { code?: string }).code ?? ''))
      appError = invalidField(
        'body',
        '内容中含有无法保存的字符（如空字符），请删除后再提交',
        'the text holds a character that cannot be stored (NUL)',
      );
    // A delete of a record others still point at (a township with users or processes): refused
    // whole by PostgreSQL, so nothing changed; say what holds it.
    else if ((error as { code?: string }).code === '23503' && c.req.method === 'DELETE')
      appError = stillReferenced((error as { table?: string }).table);
    else {
      c.var.logger?.error({ err: error }, 'unhandled error');
      appError = fail('internal');
    }
  }
  return c.json(appError.toBody(c.var.requestId), appError.status);
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) => c.json(fail('not_found').toBody(c.var.requestId), 404);
