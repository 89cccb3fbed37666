// The five simple-REST routes a resource has, described once for OpenAPI. Each resource
// passes its schemas and writes its own handlers.
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/authenticate.js';
import { errorResponses } from '../openapi/responses.js';
import { IdParam, jsonBody } from './common.js';
import { ListQuerySchema } from './list-query.js';

export function crudRoutes<R extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(options: {
  tag: string;
  noun: string;
  record: R;
  createInput: C;
  updateInput: U;
}) {
  const tags = [options.tag];
  const one = { content: { 'application/json': { schema: options.record } } };
  const middleware = requireUser;
  return {
    list: createRoute({
      method: 'get',
      path: '/',
      tags,
      middleware,
      summary: `List ${options.noun} in the caller's scope`,
      request: { query: ListQuerySchema },
      responses: {
        200: {
          description: 'A page; the total is in Content-Range',
          content: { 'application/json': { schema: z.array(options.record) } },
        },
        ...errorResponses(400, 401),
      },
    }),
    show: createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      middleware,
      summary: `One of the ${options.noun}`,
      request: { params: IdParam },
      responses: { 200: { description: 'Found', ...one }, ...errorResponses(400, 401, 404) },
    }),
    create: createRoute({
      method: 'post',
      path: '/',
      tags,
      middleware,
      summary: `Create one of the ${options.noun}`,
      request: jsonBody(options.createInput),
      responses: { 201: { description: 'Created', ...one }, ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    update: createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      middleware,
      summary: `Update one of the ${options.noun}`,
      request: { params: IdParam, ...jsonBody(options.updateInput) },
      responses: { 200: { description: 'Updated', ...one }, ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    remove: createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      middleware,
      summary: `Delete one of the ${options.noun}`,
      request: { params: IdParam },
      responses: { 200: { description: 'Deleted', ...one }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
  };
}
