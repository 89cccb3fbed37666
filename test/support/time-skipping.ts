// Temporal's time-skipping test server (Java, from Maven Central), so a year-long process runs
// in seconds: timers fire as soon as nothing else is happening. Its classpath is resolved once
// into a cache outside the repository and reused by later runs and clones.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureSearchAttributes } from '../../runtime/search-attributes.js';

const POM = fileURLToPath(new URL('../time-skipping/pom.xml', import.meta.url));

function cacheDir(): string {
  const version = /<version>([\d.]+)<\/version>\s*<\/dependency>/.exec(fs.readFileSync(POM, 'utf8'))![1];
  return path.join(
    process.env.QINGLAN_CACHE_DIR || path.join(os.homedir(), '.cache', 'qinglan'),
    `temporal-test-server-${version}`,
  );
}

/** The path of a script that starts the test server; resolves its classpath with Maven once. */
export function ensureTestServerScript(): string {
  const dir = cacheDir();
  const script = path.join(dir, 'temporal-test-server.sh');
  const classpathFile = path.join(dir, 'classpath.txt');
  // The SDK gives the server a few seconds to answer; on a busy two-core machine a JVM with its
  // full JIT and parallel GC can take longer than that, so start it lean (a test server needs neither).
  const body = `#!/bin/sh\nexec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -cp "$(cat '${classpathFile}')" io.temporal.testserver.TestServer "$@"\n`;
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

export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: ensureTestServerScript() } },
  });
  // A fresh test server knows no custom search attributes; processes set qinglan's.
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
