// Workers started by tests log the SDK's warnings only: its info lines (bundler statistics,
// worker state changes) would bury a failing test's output.
import { DefaultLogger, Runtime } from '@temporalio/worker';

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this process by an earlier test file.
}
