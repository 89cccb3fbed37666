// A child process as a supervised part: how it ended, and what it last said on stderr.
import type { ChildProcess } from 'node:child_process';
import { stopChild } from './stop-child.js';
import type { PartRun } from './supervisor.js';

/** The child's stderr is passed through to ours and its tail kept for the report. */
export function childPart(child: ChildProcess): PartRun {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
  );
  return { exited, lastError: () => tail, stop: () => stopChild(child) };
}
