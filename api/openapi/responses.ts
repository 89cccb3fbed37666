import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    status: z.number().int(),
    code: z.string().openapi({ example: 'validation_failed' }),
    message: z.string().openapi({ description: 'For people, in Chinese', example: '提交的内容有误，请检查标出的字段' }),
    messageEn: z.string().openapi({ example: 'The request has invalid fields' }),
    fields: z
      .array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() }))
      .optional()
      .openapi({ description: 'Present on 400: which fields failed and why' }),
    requestId: z.string().optional(),
  })
  .openapi('Error');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (fields say which)',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found, or outside the caller’s scope',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Not multipart/form-data nor an .xlsx body',
  429: 'Rate limited',
  503: 'Unavailable',
};

/** The error responses of a route, for its OpenAPI description. */
export function errorResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: DESCRIPTIONS[s] ?? 'Error', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}

/** A JSON success response of a route, for its OpenAPI description. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
