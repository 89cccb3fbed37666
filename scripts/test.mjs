#!/usr/bin/env node
// `npm test`: installs what is missing, builds the console (the browser test drives it),
// then runs the whole suite against real PostgreSQL, a real Temporal dev server and Chromium.
import { ROOT, checkNode, ensureConsoleBuilt, ensureDependencies, run, step } from './bootstrap.mjs';

checkNode();
ensureDependencies();
ensureConsoleBuilt();
step('类型检查 Type check (tsc)…');
run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('测试 Tests (vitest)…');
run('npx', ['vitest', 'run', ...process.argv.slice(2)], { cwd: ROOT });
