export { errorMessageOf, fieldErrorsOf } from './api-errors';
export { DateTimeText, formatDateTime } from './date-time';
export { LocaleDateField } from './locale-date-field';
export { newRequestId } from './request-id';
export { ReasonDialog } from './reason-dialog';
export { TownshipReferenceInput } from './township-reference-input';
export { VillageReferenceInput } from './village-reference-input';
export { usePendingCall } from './use-pending-call';
