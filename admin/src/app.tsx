import type { ComponentType } from 'react';
import { Admin, CustomRoutes, Resource, type RaRecord } from 'react-admin';
import { Route } from 'react-router-dom';
import annualAssessment from './annual-assessment';
import auditLog from './audit-log';
import calendarOverrides from './calendar-overrides';
import { authProvider } from './auth-provider';
import cadres from './cadres';
import { Dashboard } from './dashboard';
import { dataProvider } from './data-provider';
import { i18nProvider } from './i18n/i18n-provider';
import { AppLayout } from './layout';
import { LoginPage } from './login';
import mentorPairing from './mentor-pairing';
import processes from './processes';
import reserveIntake from './reserve-cultivation';
import reserveGaps from './reserve-gaps';
import slaReport from './sla-report';
import reserveSettings from './reserve-settings';
import reserves, { UseRankingPage } from './reserves';
import { can, isRole, type ResourceName } from './roles';
import targetedRecruitment from './targeted-recruitment';
import tasks from './tasks';
import { theme } from './theme';
import townships from './townships';
import users from './users';
import villages from './villages';
import webhooks from './webhooks';

interface ResourceViews {
    list?: ComponentType;
    show?: ComponentType;
    edit?: ComponentType;
    create?: ComponentType;
    icon?: ComponentType;
    /** Method syntax on purpose: each resource's function takes its own record type, a narrower RaRecord. */
    recordRepresentation?(record: RaRecord): string;
}

const VIEWS: Record<ResourceName, ResourceViews> = {
    townships,
    villages,
    cadres,
    users,
    'audit-log': auditLog,
    tasks,
    processes,
    'mentor-pairing': mentorPairing,
    'annual-assessment': annualAssessment,
    'reserve-intake': reserveIntake,
    reserves,
    'reserve-gaps': reserveGaps,
    'sla-report': slaReport,
    'reserve-settings': reserveSettings,
    'targeted-recruitment': targetedRecruitment,
    'calendar-overrides': calendarOverrides,
    webhooks,
};

// Resources other pages refer to (a cadre's village, a user's township…).
const REFERENCED: ResourceName[] = ['townships', 'villages', 'cadres'];

/**
 * The resources of a role: only the views it may use, so no menu entry, route or
 * button appears for anything else. Referenced resources stay registered without
 * views so that reference fields still show names.
 */
const resourcesFor = (role: unknown) => {
    if (!isRole(role)) return [];
    return (Object.keys(VIEWS) as ResourceName[]).flatMap((name) => {
        const { list, show, edit, create, icon, recordRepresentation } = VIEWS[name];
        const visible = can(role, name, 'list');
        const creatable = can(role, name, 'create');
        if (!visible && !creatable && !REFERENCED.includes(name)) return [];
        return [
            <Resource
                key={name}
                name={name}
                list={visible ? list : undefined}
                show={can(role, name, 'show') ? show : undefined}
                edit={can(role, name, 'edit') ? edit : undefined}
                create={can(role, name, 'create') ? create : undefined}
                icon={icon}
                recordRepresentation={recordRepresentation}
            />,
        ];
    });
};

export const App = () => (
    <Admin
        title="青蓝"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        dashboard={Dashboard}
        layout={AppLayout}
        theme={theme}
        requireAuth
        disableTelemetry
    >
        {(permissions: unknown) => [
            ...resourcesFor(permissions),
            // 使用推荐: a village's reserves ranked for use, reached from the pool's village filter.
            ...(can(permissions, 'reserves', 'list')
                ? [
                      <CustomRoutes key="reserve-use">
                          <Route path="/reserve-use/:villageId" element={<UseRankingPage />} />
                      </CustomRoutes>,
                  ]
                : []),
        ]}
    </Admin>
);
