// A clerk's client as the console behaves during an outage: every write carries a request id,
// and a network error or a 5xx answer is sent again with the same id after a short pause, so
// the write takes effect once however many times it went out.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Sent {
  path: string;
  requestId: string;
  /** tries it took, 1 when the first one was answered */
  attempts: number;
  /** the final answer's status; 0 when none came before the deadline */
  status: number;
  body: unknown;
  /** X-Request-Id of the answered try, which the audit log keeps */
  answeredRequestId?: string;
}

const RETRY_FOR_MS = 20 * 60_000;
/** An approval is answered within the API's Update deadline (20 s); a county-wide start takes minutes. */
const TRY_TIMEOUT_MS = 60_000;

export class RetryingClient {
  readonly sent: Sent[] = [];
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(apiUrl: string, username: string, password = 'demo'): Promise<RetryingClient> {
    const probe = new RetryingClient(apiUrl, '');
    const answer = await probe.post('/api/auth/login', { username, password, mode: 'bearer' });
    if (answer.status !== 200) throw new Error(`sign-in as ${username}: HTTP ${answer.status}`);
    probe.sent.length = 0;
    return new RetryingClient(apiUrl, (answer.body as { token: string }).token);
  }

  /** POSTs `body` until it is answered below 500; each try has its own X-Request-Id for the audit log. */
  async post(
    path: string,
    body: unknown,
    requestId = randomUUID().replaceAll('-', ''),
    tryTimeoutMs = TRY_TIMEOUT_MS,
  ): Promise<Sent> {
    const deadline = Date.now() + RETRY_FOR_MS;
    const sent: Sent = { path, requestId, attempts: 0, status: 0, body: undefined };
    this.sent.push(sent);
    for (let pause = 250; ; pause = Math.min(pause * 2, 3000)) {
      sent.attempts++;
      const tryId = `${requestId.slice(0, 24)}-${sent.attempts}`;
      try {
        const res = await fetch(`${this.apiUrl}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-request-id': tryId,
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(tryTimeoutMs),
        });
        const text = await res.text();
        if (res.status < 500) {
          Object.assign(sent, {
            status: res.status,
            body: text ? JSON.parse(text) : undefined,
            answeredRequestId: tryId,
          });
          return sent;
        }
      } catch {
        /* refused, reset or timed out: the API or what it needs is down; send it again */
      }
      if (Date.now() > deadline) return sent;
      await sleep(pause);
    }
  }
}
