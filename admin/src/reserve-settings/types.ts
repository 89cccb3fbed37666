/** The county's reserve pool rules (domain/reserve-pool-settings.ts). */
export interface ReservePoolSettings {
    targetPerVillage: number;
    ageLimit: number;
    relaxedAgeLimit: number;
    minimumEducation: string;
    disqualifications: { unqualifiedMemberYears: number; underInvestigation: boolean; disciplinaryPeriod: boolean };
    noticeWorkingDays: number;
    trialMonths: number;
    mentorTalkMonths: number;
    secretaryTalkMonths: number;
    yearlyTrainingRequired: boolean;
    intakeWindowDays: number;
    minNominationsPerVillage: number;
    examWeights: { written: number; interview: number };
    shortlistRatio: number;
}

/** One stored version; version 0 is the built-in defaults. */
export interface SettingsVersion {
    version: number;
    settings: ReservePoolSettings;
    changedBy: number | null;
    changedByName: string | null;
    reason: string | null;
    changedAt: string | null;
}

type NumberKey = {
    [K in keyof ReservePoolSettings]: ReservePoolSettings[K] extends number ? K : never;
}[keyof ReservePoolSettings];

/**
 * Each rule as the form and the read-only view show it: where it is stored (a path into the
 * settings), its label key, its kind, and the bounds the API accepts.
 */
export type Rule =
    | {
          key: string;
          path:
              [NumberKey] | ['disqualifications', 'unqualifiedMemberYears'] | ['examWeights', 'written' | 'interview'];
          kind: 'number';
          min: number;
          max: number;
      }
    | {
          key: string;
          path: ['yearlyTrainingRequired'] | ['disqualifications', 'underInvestigation' | 'disciplinaryPeriod'];
          kind: 'boolean';
      }
    | { key: string; path: ['minimumEducation']; kind: 'education' };

export const RULES: Rule[] = [
    { key: 'targetPerVillage', path: ['targetPerVillage'], kind: 'number', min: 0, max: 20 },
    { key: 'ageLimit', path: ['ageLimit'], kind: 'number', min: 18, max: 70 },
    { key: 'relaxedAgeLimit', path: ['relaxedAgeLimit'], kind: 'number', min: 18, max: 70 },
    { key: 'minimumEducation', path: ['minimumEducation'], kind: 'education' },
    {
        key: 'unqualifiedMemberYears',
        path: ['disqualifications', 'unqualifiedMemberYears'],
        kind: 'number',
        min: 0,
        max: 20,
    },
    { key: 'underInvestigation', path: ['disqualifications', 'underInvestigation'], kind: 'boolean' },
    { key: 'disciplinaryPeriod', path: ['disqualifications', 'disciplinaryPeriod'], kind: 'boolean' },
    { key: 'noticeWorkingDays', path: ['noticeWorkingDays'], kind: 'number', min: 1, max: 30 },
    { key: 'trialMonths', path: ['trialMonths'], kind: 'number', min: 0, max: 36 },
    { key: 'mentorTalkMonths', path: ['mentorTalkMonths'], kind: 'number', min: 1, max: 24 },
    { key: 'secretaryTalkMonths', path: ['secretaryTalkMonths'], kind: 'number', min: 1, max: 36 },
    { key: 'yearlyTrainingRequired', path: ['yearlyTrainingRequired'], kind: 'boolean' },
    { key: 'intakeWindowDays', path: ['intakeWindowDays'], kind: 'number', min: 1, max: 90 },
    { key: 'minNominationsPerVillage', path: ['minNominationsPerVillage'], kind: 'number', min: 0, max: 20 },
    { key: 'written', path: ['examWeights', 'written'], kind: 'number', min: 0, max: 100 },
    { key: 'interview', path: ['examWeights', 'interview'], kind: 'number', min: 0, max: 100 },
    { key: 'shortlistRatio', path: ['shortlistRatio'], kind: 'number', min: 1, max: 10 },
];

export const readRule = (settings: ReservePoolSettings, path: readonly string[]): unknown =>
    path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], settings);

/** A copy of the settings with one rule changed. */
export const writeRule = (
    settings: ReservePoolSettings,
    path: readonly string[],
    value: unknown,
): ReservePoolSettings => {
    if (path.length === 1) return { ...settings, [path[0]]: value };
    const [group, key] = path as [keyof ReservePoolSettings, string];
    return { ...settings, [group]: { ...(settings[group] as object), [key]: value } };
};
