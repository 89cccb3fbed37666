// The API as a clerk's browser or script meets it: sign in for a bearer token, then JSON calls.
import { BenchFailure } from './bench-run.js';

export interface ApiSession {
  username: string;
  userId: number;
  /** The bearer token, for clients in another process. */
  token: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function signIn(baseUrl: string, username: string, password = 'demo'): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, mode: 'bearer' }),
  });
  if (!res.ok) throw new BenchFailure(`sign-in as ${username}: HTTP ${res.status} ${await res.text()}`);
  const { token, user } = (await res.json()) as { token: string; user: { id: number } };
  return {
    username,
    userId: user.id,
    token,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.text();
      if (!answer.ok) throw new BenchFailure(`${method} ${path} as ${username}: HTTP ${answer.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}
