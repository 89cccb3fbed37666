import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.js';
import { fail } from './errors/errors.js';
import { fieldErrors } from './validation/bilingual-errors.js';

/** Every router validates the same way: a failure is a 400 naming its fields. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        // Body and path fields are named bare (`name`, `id`); query and header ones say where they were.
        const prefix = result.target === 'query' || result.target === 'header' ? result.target : undefined;
        throw fail('validation_failed', fieldErrors(result.error, prefix));
      }
    },
  });
}
