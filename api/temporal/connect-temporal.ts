import { Client, Connection } from '@temporalio/client';
import type { TemporalHandle } from '../context.js';

export async function connectTemporal(options: {
  address: string;
  namespace: string;
  taskQueue: string;
  idPrefix?: string;
}): Promise<TemporalHandle> {
  // Lazy: the API starts and answers /api/health (503) even while Temporal is down.
  const connection = Connection.lazy({ address: options.address });
  const client = new Client({ connection, namespace: options.namespace });
  // Health checks must answer quickly and truthfully: no retrying interceptor on this one.
  const probeConnection = Connection.lazy({ address: options.address, interceptors: [] });
  return { client, connection, probeConnection, ...options };
}
