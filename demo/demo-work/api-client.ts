// The demo's hands: it signs in as the demo accounts and acts through the running API, the
// same HTTP routes the console uses, so every process it starts is a real one.
import { setTimeout as sleep } from 'node:timers/promises';

export interface SignedIn {
  username: string;
  token: string;
  user: { id: number; role: string; townshipId: number | null; villageId: number | null; personId: number | null };
}

/** A task as `/api/tasks` answers it (the fields the demo reads). */
export interface ApiTask {
  id: number;
  taskKey: string;
  processId: string;
  stepKey: string;
  round: number;
  status: 'open' | 'done' | 'cancelled';
  dueAt: string;
  escalationLevel: number;
  assigneeUserId: number | null;
  context: Record<string, unknown>;
}

export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 300)}`);
  }
}

export class DemoApi {
  private readonly sessions = new Map<string, Promise<SignedIn>>();
  private requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly password: string,
  ) {}

  /** Each account signs in once (bearer mode: a script has no cookie jar). */
  as(username: string): Promise<SignedIn> {
    let session = this.sessions.get(username);
    if (!session) {
      const login = { username, password: this.password, mode: 'bearer' };
      session = this.call<{ token: string; user: SignedIn['user'] }>(null, 'POST', '/api/auth/login', login).then(
        (body) => ({ ...body, username }),
      );
      session.catch(() => this.sessions.delete(username));
      this.sessions.set(username, session);
    }
    return session;
  }

  async get<T>(username: string, path: string, query: Record<string, unknown> = {}): Promise<T> {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)]));
    return this.call<T>(await this.as(username), 'GET', params.size ? `${path}?${params}` : path);
  }

  async post<T>(username: string, path: string, body: unknown): Promise<T> {
    return this.call<T>(await this.as(username), 'POST', path, body);
  }

  /** Every task of one process, as the county admin sees it. */
  tasksOf(processId: string): Promise<ApiTask[]> {
    return this.get<ApiTask[]>('admin', '/api/tasks', { filter: { processId }, sort: ['id', 'ASC'], range: [0, 199] });
  }

  /** The step's task once the workflow has opened it (its activity writes the row a moment later). */
  async taskWhenOpened(processId: string, stepKey: string, round: number): Promise<ApiTask> {
    const find = async () => (await this.tasksOf(processId)).find((t) => t.stepKey === stepKey && t.round === round);
    return waitUntil(`${processId} ${stepKey} #${round}`, find);
  }

  private async call<T>(session: SignedIn | null, method: string, path: string, body?: unknown): Promise<T> {
    // Named so the API's access log shows which lines are the demo's doing.
    const headers: Record<string, string> = { 'x-request-id': `demo-work-${++this.requests}` };
    if (session) headers.authorization = `Bearer ${session.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok)
      throw new DemoApiError(res.status, text, `${method} ${path}${session ? ` as ${session.username}` : ''}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/**
 * Polls until `read` finds what it waits for: the API answers at once, the rows a workflow
 * writes come a moment later. Bounded, so a stuck worker fails the stage instead of hanging it.
 */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T | undefined | null | false>,
  timeoutMs = 180_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 250; ; pause = Math.min(pause * 2, 1000)) {
    const found = await read();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}; is the worker running?`);
    await sleep(pause);
  }
}
