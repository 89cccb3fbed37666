import { useLocaleState } from 'react-admin';
import { familyOf } from '../../../workflows/human-step/step-catalogue';
import type { ProcessDefinition, StepDefinition } from './types';
import { useProcessDefinitions } from './use-definitions';

// Step names come from the process's step catalogue, served by the API in both languages:
// the console keeps no copy of them.

const findStep = (definition: ProcessDefinition | undefined, key: string): StepDefinition | undefined => {
    if (!definition) return undefined;
    const family = familyOf(definition.steps, key);
    return definition.steps.find((step) => step.key === family);
};

/** A step's name in the console's language, from its key or an occurrence key (exchange.m3 → 定期交流). */
export const stepLabel = (locale: string, definition: ProcessDefinition | undefined, key: string): string => {
    const step = findStep(definition, key);
    return step ? (locale === 'en' ? step.nameEn : step.name) : key;
};

/**
 * Names steps of one process type, or of any when the type is not known (a timeline entry):
 * by key, or by the Chinese name a step was stored under (missing steps of a ranking).
 */
export const useStepName = (type?: string) => {
    const definitions = useProcessDefinitions() ?? [];
    const [locale] = useLocaleState();
    const candidates = type ? definitions.filter((definition) => definition.type === type) : definitions;
    return {
        byKey: (key: string): string => {
            const definition = candidates.find((d) => findStep(d, key)) ?? candidates[0];
            return stepLabel(locale, definition, key);
        },
        byName: (name: string): string => {
            if (locale !== 'en') return name;
            const step = candidates.flatMap((d) => d.steps).find((s) => s.name === name);
            return step?.nameEn ?? name;
        },
    };
};
