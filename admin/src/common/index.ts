export { LocaleDateField } from './locale-date-field';
export { TownshipReferenceInput } from './township-reference-input';
export { VillageReferenceInput } from './village-reference-input';
