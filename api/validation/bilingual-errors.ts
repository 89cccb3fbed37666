// Zod issues carry one message string; the API answers in Chinese and English. The global
// error map writes both into that string, and `splitMessage` takes them apart again.
// Done globally because validation happens inside route middleware we do not call.
import { z } from 'zod';
import type { FieldError } from '../errors/app-error.js';

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;
const MARK = '\u0001';

/** A custom message for a schema: `z.string().regex(re, bilingual('格式不对', 'Bad format'))`. */
export function bilingual(zh: string, en: string): string {
  return `${zh}${MARK}${en}`;
}

function messageOf(result: unknown): string {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'message' in result)
    return String((result as { message: unknown }).message);
  return '';
}

// Wording a clerk understands for the common cases; the locale's text for the rest.
function clerkZh(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return `类型不对，应为${({ string: '文字', number: '数字', boolean: '是/否', array: '列表', object: '对象', int: '整数' } as Record<string, string>)[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字符`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `只能是以下之一：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`;
    default:
      return undefined;
  }
}

z.config({
  customError: (issue) => {
    if (typeof issue.message === 'string' && issue.message.includes(MARK)) return issue.message;
    const zh = clerkZh(issue) ?? messageOf(zhLocale(issue));
    const en = messageOf(enLocale(issue));
    return bilingual(zh, en);
  },
});

export function splitMessage(message: string): { zh: string; en: string } {
  const at = message.indexOf(MARK);
  if (at < 0) return { zh: message, en: message };
  return { zh: message.slice(0, at), en: message.slice(at + 1) };
}

/** Field errors for the API's 400 answer; `prefix` names where the value came from. */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const { zh, en } = splitMessage(issue.message);
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: zh, messageEn: en }));
    }
    return [{ field: base || prefix || '(body)', message: zh, messageEn: en }];
  });
}
