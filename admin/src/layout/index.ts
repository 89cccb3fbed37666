export { AppLayout } from './layout';
export { LocaleThemeProvider } from './locale-theme';
