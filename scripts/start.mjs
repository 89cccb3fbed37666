#!/usr/bin/env node
// `npm start`: installs and builds what is missing, then runs the whole product on the
// embedded defaults (or on DATABASE_URL / TEMPORAL_ADDRESS when set).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, checkNode, ensureConsoleBuilt, ensureDependencies, ensureServerBundled } from './bootstrap.mjs';

const launchedAt = Date.now();
checkNode();
ensureDependencies();
ensureConsoleBuilt();
await ensureServerBundled();

const child = spawn(
  process.execPath,
  ['--enable-source-maps', path.join(ROOT, 'dist', 'start.mjs'), ...process.argv.slice(2)],
  {
    cwd: ROOT,
    env: { ...process.env, QINGLAN_LAUNCHED_AT: String(launchedAt) },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  },
);
// Ctrl-C reaches the stack directly (same process group); a SIGTERM sent to this process
// alone is passed on. Either way the stack stops its parts in order, then exits.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
