import { zhCN } from '@mui/material/locale';
import { createTheme, ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, useEffect, type ReactNode } from 'react';
import { useLocaleState } from 'react-admin';

/**
 * Applies MUI's own Chinese texts (pagination, autocomplete, alerts…) when the
 * console speaks Chinese, and keeps <html lang> in step with the locale.
 */
export const LocaleThemeProvider = ({ children }: { children: ReactNode }) => {
    const [locale] = useLocaleState();
    useEffect(() => {
        document.documentElement.lang = locale;
    }, [locale]);
    const localize = useCallback((outer: Theme) => (locale === 'en' ? outer : createTheme(outer, zhCN)), [locale]);
    return <ThemeProvider theme={localize}>{children}</ThemeProvider>;
};
