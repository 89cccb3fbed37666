import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import zhCN from './zh-cn';

export const DEFAULT_LOCALE = 'zh-CN';

export const LOCALES = [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
];

// Chinese ships with the main bundle; English is loaded when chosen.
const getMessages = (locale: string): TranslationMessages | Promise<TranslationMessages> =>
    locale === 'en' ? import('./en').then((module) => module.default) : zhCN;

export const i18nProvider = polyglotI18nProvider(getMessages, DEFAULT_LOCALE, LOCALES);

/** True when the console currently speaks English (API messages then use `messageEn`). */
export const isEnglish = (): boolean => i18nProvider.getLocale() === 'en';
