// The Temporal CLI's dev server: a whole Temporal in one process, kept in a SQLite file.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTES, SEARCH_ATTRIBUTE_CLI_TYPES } from '../workflows/search-attributes.js';
import { waitForTemporal } from './temporal-connection.js';

export interface DevServer {
  address: string;
  uiUrl: string | undefined;
  process: ChildProcess;
  /** Resolves with how the server ended when it ends on its own. */
  exited: Promise<string>;
  /** The server's last output, for the report when it keeps dying. */
  lastError(): string;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(options: {
  cli: string;
  dataDir: string | undefined; // undefined: in memory (tests)
  port: number;
  uiPort: number | undefined; // undefined: headless
  namespace: string;
  log?: (line: string) => void;
}): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'error'];
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    args.push('--db-filename', path.join(options.dataDir, 'temporal.db'), '--sqlite-pragma', 'journal_mode=wal');
  }
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.namespace !== 'default') args.push('--namespace', options.namespace);
  for (const key of SEARCH_ATTRIBUTES) {
    args.push('--search-attribute', `${key.name}=${SEARCH_ATTRIBUTE_CLI_TYPES[key.type]}`);
  }

  // Its own process group: Ctrl-C reaches the start command, which stops the worker before
  // the server the worker talks to.
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null | undefined;
  const ended = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = code;
      resolve(signal ?? `code ${code}`);
    }),
  );

  const address = `127.0.0.1:${options.port}`;
  try {
    await waitForTemporal(address, options.namespace, {
      timeoutMs: 60_000,
      isDead: () => (exited !== undefined ? `the dev server exited (code ${exited}):\n${output}` : undefined),
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `Temporal dev server did not come up on ${address}: ${(error as Error).message}\n` +
        `Is the port taken? Set QINGLAN_TEMPORAL_PORT / QINGLAN_TEMPORAL_UI_PORT, or TEMPORAL_ADDRESS to use a running cluster.`,
    );
  }

  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    process: child,
    exited: ended,
    lastError: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== undefined) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
