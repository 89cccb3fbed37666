// Every workflow the worker runs. A process is found by its name everywhere.
export { healthProbe } from './health-probe/health-probe-workflow.js';
export { mentorPairing } from './mentor-pairing/mentor-pairing-workflow.js';
