// Group robots (DingTalk, WeCom) answer HTTP 200 with {"errcode":0} on success and another
// errcode when they refuse (bad signature, rate limit, keyword filter). Anything but 0 throws,
// so the activity fails and Temporal retries it.

/** A robot that does not answer within this time counts as failed; the retry tries again. */
export const ROBOT_TIMEOUT_MS = 10_000;

export class RobotRefusedError extends Error {
  constructor(
    readonly robot: string,
    readonly errcode: unknown,
    errmsg: unknown,
  ) {
    super(`${robot} robot refused the message: errcode ${String(errcode)} ${String(errmsg ?? '')}`.trim());
    this.name = 'RobotRefusedError';
  }
}

/** Posts JSON to a robot. Errors never name the URL: its access token is a secret. */
export async function postToRobot(robot: string, url: string, payload: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(ROBOT_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${robot} robot answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text);
  } catch {
    throw new Error(`${robot} robot answered something that is not JSON: ${text.slice(0, 200)}`);
  }
  if (answer?.errcode !== 0) throw new RobotRefusedError(robot, answer?.errcode, answer?.errmsg);
}
