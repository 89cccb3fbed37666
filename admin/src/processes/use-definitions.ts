import { useEffect, useState } from 'react';
import { useDataProvider, useLocaleState } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import type { ProcessDefinition } from './types';

// The definitions change only with a new release: fetched once per page load.
let cached: Promise<ProcessDefinition[]> | undefined;

/** Process types and their steps (`GET /api/processes/definitions`). */
export const useProcessDefinitions = (): ProcessDefinition[] | undefined => {
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const [definitions, setDefinitions] = useState<ProcessDefinition[]>();
    useEffect(() => {
        let active = true;
        cached ??= dataProvider.getProcessDefinitions().catch((error) => {
            cached = undefined;
            throw error;
        });
        cached.then(
            (value) => active && setDefinitions(value),
            () => undefined,
        );
        return () => {
            active = false;
        };
    }, [dataProvider]);
    return definitions;
};

/** The definition of one process type. */
export const useProcessDefinition = (type: string | undefined): ProcessDefinition | undefined =>
    useProcessDefinitions()?.find((definition) => definition.type === type);

/** Choices for a process-type select, named in the console's language. */
export const useProcessTypeChoices = () => {
    const [locale] = useLocaleState();
    return (useProcessDefinitions() ?? []).map((definition) => ({
        id: definition.type,
        name: locale === 'en' ? definition.nameEn : definition.name,
    }));
};
