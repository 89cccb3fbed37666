// Every workflow the worker runs. A process is found by its name everywhere.
export { healthProbe } from './health-probe/health-probe-workflow.js';
