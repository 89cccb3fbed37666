// Schemathesis (PyPI), for the OpenAPI fuzz test: the pinned version in a virtualenv in the
// machine-wide cache, `<QINGLAN_CACHE_DIR|~/.cache/qinglan>/schemathesis-<version>`, made on
// first use (about a minute) and shared by every clone. Installed into a temporary folder and
// renamed into place only when complete, so an interrupted install is never taken for one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from '../../runtime/temporal-cli.js';
import { packageIndexUrl } from '../../runtime/temporal-cli-wheel.js';

/** Keyed by version in the cache: a new pin never reuses an older install. */
export const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * Its dependencies as they were when pinned (`pip freeze`): the same Hypothesis generates the
 * same cases from a seed. Change together with SCHEMATHESIS_VERSION (the cache's key).
 */
const CONSTRAINTS = [
  'anyio==4.16.0',
  'certifi==2026.10.19.post1',
  'charset-normalizer==3.5.3',
  'click==8.5.1',
  'graphql-core==3.3.2',
  'harfile==0.6.0',
  'hypothesis==6.170.17',
  'hypothesis-graphql==0.13.5',
  'idna==3.20',
  'iniconfig==2.3.1',
  'jsonschema_rs==0.60.3',
  'markdown-it-py==4.3.0',
  'MarkupSafe==3.0.4',
  'mdurl==0.1.2',
  'packaging==26.4',
  'pluggy==1.7.0',
  'Pygments==2.21.0',
  'pyrate-limiter==4.5.1',
  'pytest==9.2.0',
  'PyYAML==6.0.4',
  'requests==2.34.2',
  'rich==15.0.0',
  'sortedcontainers==2.4.0',
  'typing_extensions==4.16.0',
  'urllib3==2.8.0',
  'Werkzeug==3.1.9',
];

type Log = (line: string) => void;

/** The venv's scripts hold its absolute path, which the rename breaks: call the CLI through Python. */
const ENTRY = 'import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())';

export interface Schemathesis {
  /** Command and leading arguments; append `run …`. */
  command: [string, ...string[]];
}

function works(python: string): boolean {
  const result = spawnSync(python, ['-c', ENTRY, '--version'], { encoding: 'utf8', timeout: 60_000 });
  return result.status === 0 && result.stdout.includes(SCHEMATHESIS_VERSION);
}

function run(command: string, args: string[], log: Log, quiet: RegExp): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    // pip draws no progress bar into a pipe; say that it is still at work.
    const ticker = setInterval(() => log(`  … ${Math.round((Date.now() - started) / 1000)} s`), 10_000);
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-3000);
      for (const line of chunk.toString().split('\n')) if (line.trim() && !quiet.test(line)) log(`  ${line.trim()}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearInterval(ticker);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(ticker);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} failed (exit ${code}): ${tail.trim().split('\n').slice(-5).join(' | ')}`,
          ),
        );
    });
  });
}

/** The pinned Schemathesis, from the cache or installed there now with pip (progress on `log`). */
export async function ensureSchemathesis(log: Log, env: NodeJS.ProcessEnv = process.env): Promise<Schemathesis> {
  const root = cacheRoot(env);
  const home = path.join(root, `schemathesis-${SCHEMATHESIS_VERSION}`);
  const python = path.join(home, 'bin', 'python');
  if (fs.existsSync(python) && works(python)) return { command: [python, '-c', ENTRY] };
  // A cached copy that no longer runs (its base Python changed): make it again.
  fs.rmSync(home, { recursive: true, force: true });

  const python3 = env.PYTHON || 'python3';
  log(`Schemathesis ${SCHEMATHESIS_VERSION}: not in ${root}; installing it from PyPI (once per machine)…`);
  fs.mkdirSync(root, { recursive: true });
  const temporary = fs.mkdtempSync(path.join(root, `.schemathesis-${SCHEMATHESIS_VERSION}-`));
  try {
    await run(python3, ['-m', 'venv', temporary], log, /^$/).catch((error: Error) => {
      throw new Error(
        `${error.message}\nSchemathesis needs Python 3.9+ with venv (Debian: apt-get install python3 python3-venv).`,
      );
    });
    const pipArgs = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off'];
    if (env.QINGLAN_PYPI_URL) pipArgs.push('--index-url', packageIndexUrl(env));
    const constraints = path.join(temporary, 'constraints.txt');
    fs.writeFileSync(constraints, `${CONSTRAINTS.join('\n')}\n`);
    pipArgs.push('--constraint', constraints, `schemathesis==${SCHEMATHESIS_VERSION}`);
    log(`  pip install schemathesis==${SCHEMATHESIS_VERSION}…`);
    // Only the lines that show progress: what is fetched, then what is installed.
    await run(path.join(temporary, 'bin', 'python'), pipArgs, log, /^\s*(Requirement already|Using cached| {2})/);
    try {
      fs.renameSync(temporary, home);
    } catch (error) {
      // Another clone finished the same install first: use theirs.
      if (!fs.existsSync(python)) throw error;
    }
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
  }
  if (!works(python)) throw new Error(`Schemathesis in ${home} does not run: delete that folder and try again`);
  log(`Schemathesis ${SCHEMATHESIS_VERSION}: installed in ${home}`);
  return { command: [python, '-c', ENTRY] };
}
