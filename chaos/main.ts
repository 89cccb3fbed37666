// `npm run chaos [-- --size township]`: the fault drill on this machine (chaos/drill.ts says
// what it does). Exits 1 when any figure is off or the drill could not finish.
import { problemsOf, runDrill, type DrillSize } from './drill.js';
import { printReport } from './report.js';

const sizeArg = process.argv.indexOf('--size');
const size = (sizeArg >= 0 ? process.argv[sizeArg + 1] : process.env.QINGLAN_CHAOS_SIZE) || 'county';
if (size !== 'county' && size !== 'township') {
  console.error(`--size is county or township, not "${size}"`);
  process.exit(2);
}
const started = Date.now();
const log = (line: string) => console.log(`[chaos ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);

let exitCode = 0;
try {
  const result = await runDrill(size as DrillSize, log);
  const problems = problemsOf(result);
  printReport(result, problems);
  exitCode = problems.length ? 1 : 0;
} catch (error) {
  console.error(`\n[chaos] FAILED: ${(error as Error).stack ?? error}`);
  exitCode = 1;
}
process.exit(exitCode);
