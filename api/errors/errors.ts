// Every error the API can answer with, defined once. Throw `fail('not_found')`.
import { AppError, type ErrorDefinition, type FieldError } from './app-error.js';

export const ERRORS = {
  validation_failed: { status: 400, zh: '提交的内容有误，请检查标出的字段', en: 'The request has invalid fields' },
  malformed_json: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in' },
  bad_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  csrf_failed: {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page is stale (CSRF check failed); reload and try again',
  },
  forbidden: { status: 403, zh: '您没有权限执行此操作', en: 'You are not allowed to do this' },
  not_found: { status: 404, zh: '未找到该记录，或不在您的管辖范围内', en: 'Not found, or outside your scope' },
  conflict: { status: 409, zh: '与已有记录冲突', en: 'Conflicts with an existing record' },
  payload_too_large: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  unsupported_media_type: { status: 415, zh: '请以 JSON 格式提交', en: 'Send the body as JSON' },
  rate_limited: { status: 429, zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  internal: {
    status: 500,
    zh: '系统内部错误，请稍后再试或联系管理员',
    en: 'Internal error; try again later or contact the administrator',
  },
  unavailable: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

export function fail(code: ErrorCode, fields?: FieldError[]): AppError {
  return new AppError(code, ERRORS[code], fields);
}

/** A 400 naming one field, with a message for the clerk and one for scripts. */
export function invalidField(field: string, zh: string, en: string): AppError {
  return fail('validation_failed', [{ field, message: zh, messageEn: en }]);
}

/** A 409 naming the field that conflicts with what is stored. */
export function conflictField(field: string, zh: string, en: string): AppError {
  return fail('conflict', [{ field, message: zh, messageEn: en }]);
}
