#!/usr/bin/env node
// `npm test`: installs what is missing, builds the console (the browser test drives it),
// type-checks, lints, checks the layout (Prettier), then runs the whole suite against real
// PostgreSQL, a real Temporal dev server and Chromium.
import { ROOT, checkNode, ensureConsoleBuilt, ensureDependencies, run, step } from './bootstrap.mjs';

checkNode();
ensureDependencies();
ensureConsoleBuilt();
step('类型检查 Type check (tsc)…');
run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('代码检查 Lint (eslint)…');
run('npx', ['eslint', '.']);
step('格式检查 Format check (prettier)…');
run('npx', ['prettier', '--check', '.']);
step('测试 Tests (vitest)…');
run('npx', ['vitest', 'run', ...process.argv.slice(2)], { cwd: ROOT });
