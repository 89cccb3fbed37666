// Temporal's time-skipping test server (Java, from Maven Central), so a year-long process runs
// in seconds: timers fire as soon as nothing else is happening. Its classpath is resolved once
// into a cache outside the repository and reused by later runs and clones.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureSearchAttributes } from '../../runtime/search-attributes.js';
import { stopChild } from '../../runtime/stop-child.js';
import { freePort } from './free-port.js';

const POM = fileURLToPath(new URL('../time-skipping/pom.xml', import.meta.url));

function cacheDir(): string {
  const pom = fs.readFileSync(POM, 'utf8');
  const version = /<version>([\d.]+)<\/version>\s*<\/dependency>/.exec(pom)![1];
  // The pom's own hash too: a dependency added to it must not reuse an older classpath.
  const hash = createHash('sha256').update(pom).digest('hex').slice(0, 8);
  return path.join(
    process.env.QINGLAN_CACHE_DIR || path.join(os.homedir(), '.cache', 'qinglan'),
    `temporal-test-server-${version}-${hash}`,
  );
}

/** The path of a script that starts the test server; resolves its classpath with Maven once. */
export function ensureTestServerScript(): string {
  const dir = cacheDir();
  const script = path.join(dir, 'temporal-test-server.sh');
  const classpathFile = path.join(dir, 'classpath.txt');
  // A test server needs neither the full JIT nor a parallel GC: a lean JVM starts sooner. It
  // logs its warnings and errors to stderr, which the harness passes on.
  const logging = '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.showDateTime=true';
  const body = `#!/bin/sh\nexec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k ${logging} -cp "$(cat '${classpathFile}')" io.temporal.testserver.TestServer "$@"\n`;
  if (!fs.existsSync(classpathFile)) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('mvn', ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`], {
      stdio: 'inherit',
    });
  }
  if (!fs.existsSync(script) || fs.readFileSync(script, 'utf8') !== body)
    fs.writeFileSync(script, body, { mode: 0o755 });
  return script;
}

/** Resolves once something accepts connections on the port; rejects if the server exits first. */
function acceptsConnections(port: number, server: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const onExit = (code: number | null) => {
      done = true;
      reject(new Error(`the time-skipping test server exited (${code}) before it listened:\n${log()}`));
    };
    server.once('exit', onExit);
    const attempt = () => {
      if (done) return;
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done = true;
        server.off('exit', onExit);
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

type ExistingServerCreate = {
  create(options: {
    server: { type: 'existing' };
    address: string;
    namespace: string;
    supportsTimeSkipping: boolean;
  }): Promise<TestWorkflowEnvironment>;
};

const running = new Map<TestWorkflowEnvironment, () => Promise<string>>();

/** The environments started here and not yet torn down. */
export const runningEnvironments = (): TestWorkflowEnvironment[] => [...running.keys()];

/** The test server's thread dump (the JVM prints one on SIGQUIT and goes on). */
export const threadDumpOf = (env: TestWorkflowEnvironment): Promise<string> =>
  running.get(env)?.() ?? Promise.resolve('');

/**
 * The SDK's own launcher gives the server 5 s to listen, which a JVM on a loaded two-core
 * machine sometimes misses (a red run for nothing). So we start the server ourselves, wait
 * until it listens however long that takes, and connect the SDK's environment to it with
 * time skipping on (`create` is the one factory behind createTimeSkipping and the others).
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const port = await freePort();
  // stdout carries the JVM's thread dump when a failed test asks for one (see threadDumpOf).
  const server = spawn(ensureTestServerScript(), [String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  server.stdout!.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-200_000)));
  let stderr = '';
  // Its warnings and errors go to the test's output: a run that hangs on a time lock the server
  // never released says so there.
  server.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    process.stderr.write(`[time-skipping server] ${chunk.toString()}`);
  });
  const stop = () => stopChild(server);
  try {
    await acceptsConnections(port, server, () => stderr);
    const env = await (TestWorkflowEnvironment as unknown as ExistingServerCreate).create({
      server: { type: 'existing' },
      address: `127.0.0.1:${port}`,
      namespace: 'default',
      supportsTimeSkipping: true,
    });
    const teardown = env.teardown.bind(env);
    env.teardown = async () => {
      running.delete(env);
      await teardown();
      await stop();
    };
    running.set(env, async () => {
      stdout = '';
      server.kill('SIGQUIT');
      for (let i = 0; i < 50 && !/JNI global refs|Heap\s*$/m.test(stdout); i++)
        await new Promise((r) => setTimeout(r, 100));
      return stdout;
    });
    // A fresh test server knows no custom search attributes; processes set qinglan's.
    await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
    return env;
  } catch (error) {
    await stop();
    throw error;
  }
}
