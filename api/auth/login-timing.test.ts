// An unknown name must cost the same argon2 check as a wrong password: otherwise the answer's
// speed tells which names exist. Counted, not timed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import type * as Argon2 from '@node-rs/argon2';

const verified = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof Argon2>();
  return { ...real, verify: (...args: Parameters<typeof real.verify>) => (verified.count++, real.verify(...args)) };
});

describe('sign-in timing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('checks a password hash for an unknown user as for a known one', async () => {
    const post = (username: string) =>
      t.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password: 'wrong' }) });
    verified.count = 0;
    expect((await post('officer-07')).status).toBe(401);
    expect(verified.count).toBe(1);
    expect((await post('no-such-person')).status).toBe(401);
    expect(verified.count).toBe(2);
  });
});
