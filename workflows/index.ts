// Every workflow the worker runs. A process is found by its name everywhere.
export { healthProbe } from './health-probe/health-probe-workflow.js';
export { mentorPairing } from './mentor-pairing/mentor-pairing-workflow.js';
export { assessmentCycle } from './annual-assessment/assessment-cycle-workflow.js';
export { townshipAssessment } from './annual-assessment/township-assessment-workflow.js';
export { cadreAssessment } from './annual-assessment/cadre-assessment-workflow.js';
export { reserveIntake } from './reserve-cultivation/reserve-intake-workflow.js';
export { reserveCultivation } from './reserve-cultivation/reserve-cultivation-workflow.js';
export { recruitmentCampaign } from './targeted-recruitment/recruitment-campaign-workflow.js';
export { recruitmentApplicant } from './targeted-recruitment/recruitment-applicant-workflow.js';
