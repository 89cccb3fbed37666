import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { ServiceStatusBanner } from '../service-status';
import { QinglanAppBar } from './app-bar';
import { LocaleThemeProvider } from './locale-theme';
import { AppMenu } from './menu';

export const AppLayout = ({ children }: { children: ReactNode }) => (
    <LocaleThemeProvider>
        <Layout menu={AppMenu} appBar={QinglanAppBar}>
            <ServiceStatusBanner />
            {children}
        </Layout>
    </LocaleThemeProvider>
);
