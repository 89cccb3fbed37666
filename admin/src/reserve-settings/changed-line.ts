import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import type { SettingsVersion } from './types';

/** Who changed a version, and when; version 0 is the built-in defaults. */
export const useChangedLine = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    return (v: SettingsVersion) =>
        v.version === 0 || !v.changedAt
            ? translate('qinglan.settings.defaults')
            : translate('qinglan.settings.changed', {
                  who: v.changedByName ?? '—',
                  when: formatDateTime(v.changedAt, locale),
              });
};
