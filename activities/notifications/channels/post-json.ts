// Group robots (DingTalk, WeCom) answer HTTP 200 with {"errcode":0} on success and another
// errcode when they refuse (bad signature, rate limit, keyword filter). Anything but 0 throws,
// so the activity fails and Temporal retries it.

import http from 'node:http';
import https from 'node:https';
import { publicOnlyLookup, RobotAddressError, robotUrlProblem } from './robot-address.js';

/** A robot that does not answer within this time counts as failed; the retry tries again. */
export const ROBOT_TIMEOUT_MS = 10_000;

export class RobotRefusedError extends Error {
  constructor(
    readonly robot: string,
    readonly errcode: unknown,
  ) {
    // Only the code, and only when it is a number: the message is the other side's text.
    super(`${robot} robot refused the message: errcode ${Number.isSafeInteger(errcode) ? String(errcode) : 'unknown'}`);
    this.name = 'RobotRefusedError';
  }
}

/** A robot's answer is read up to this size; a robot's real answer is a few dozen bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Posts JSON to a robot. Errors never name the URL (its access token is a secret) and never
 * repeat what the other side answered: the error is shown in the console as the robot's last
 * error, so an echoed body would let whoever sets the address read what any server answers.
 */
export async function postToRobot(robot: string, url: string, payload: unknown): Promise<void> {
  const problem = robotUrlProblem(url);
  if (problem) throw new RobotAddressError(problem);
  const { status, text } = await post(url, JSON.stringify(payload));
  if (status < 200 || status > 299) throw new Error(`${robot} robot answered HTTP ${status}`);
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text);
  } catch {
    throw new Error(`${robot} robot answered HTTP ${status} with something that is not JSON`);
  }
  if (answer?.errcode !== 0) throw new RobotRefusedError(robot, answer?.errcode);
}

function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
        lookup: publicOnlyLookup as never,
        signal: AbortSignal.timeout(ROBOT_TIMEOUT_MS),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) return void res.destroy();
          chunks.push(chunk);
        });
        res.on('close', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (e) =>
      reject(
        e instanceof RobotAddressError
          ? e
          : new Error(`could not reach the robot: ${(e as NodeJS.ErrnoException).code ?? e.name}`),
      ),
    );
    req.end(body);
  });
}
