// Custom search attributes every qinglan process sets, so "what is waiting on whom" is
// one visibility query. Defined once; the dev server and a real cluster register the same list.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const ProcessType = defineSearchAttributeKey('QinglanProcessType', SearchAttributeType.KEYWORD);
export const TownshipId = defineSearchAttributeKey('QinglanTownshipId', SearchAttributeType.INT);
export const VillageId = defineSearchAttributeKey('QinglanVillageId', SearchAttributeType.INT);
export const SubjectPersonId = defineSearchAttributeKey('QinglanSubjectPersonId', SearchAttributeType.INT);
export const CurrentStep = defineSearchAttributeKey('QinglanCurrentStep', SearchAttributeType.KEYWORD);
export const ProcessStatus = defineSearchAttributeKey('QinglanStatus', SearchAttributeType.KEYWORD);
export const WaitingOn = defineSearchAttributeKey('QinglanWaitingOn', SearchAttributeType.KEYWORD_LIST);

export const SEARCH_ATTRIBUTES = [
  ProcessType,
  TownshipId,
  VillageId,
  SubjectPersonId,
  CurrentStep,
  ProcessStatus,
  WaitingOn,
];

/** The names as the CLI and the operator API spell their types. */
export const SEARCH_ATTRIBUTE_CLI_TYPES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.DOUBLE]: 'Double',
};
