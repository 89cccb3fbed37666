import type { TranslateFunction } from 'react-admin';
import type { ProcessDefinition } from './types';

/** A step's name in the console's language, from its key (exchange.m3 → 定期交流 family). */
export const stepLabel = (
    translate: TranslateFunction,
    definition: ProcessDefinition | undefined,
    key: string
): string => {
    const fallback = definition?.steps.find(step => step.key === key)?.name ?? key;
    return translate(`qinglan.steps.${key}`, { _: fallback });
};
