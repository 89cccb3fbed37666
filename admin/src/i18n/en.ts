import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { enReserveUse } from './en-reserve-use';
import { enPool } from './en-pool';
import { enSla } from './en-sla';
import { enRecruitment } from './en-recruitment';
import { enReserve } from './en-reserve';
import { enAssessment } from './en-assessment';
import { enProcesses } from './en-processes';
import { enTasks } from './en-tasks';
import type { AppMessages } from './zh-cn';

const enApp: AppMessages = {
    resources: {
        townships: {
            name: 'Township |||| Townships',
            fields: {
                id: 'ID',
                code: 'Code',
                name: 'Name',
                kind: 'Kind',
                villageCount: 'Villages',
                cadreCount: 'Cadres',
                q: 'Search',
            },
        },
        villages: {
            name: 'Village |||| Villages',
            fields: {
                id: 'ID',
                code: 'Code',
                name: 'Name',
                kind: 'Kind',
                area: 'Area',
                townshipId: 'Township',
                cadreCount: 'Cadres',
                relaxedAgeLimit: 'Relaxed age limit (45)',
                q: 'Search',
            },
        },
        cadres: {
            name: 'Village cadre |||| Village cadres',
            fields: {
                id: 'ID',
                name: 'Name',
                gender: 'Gender',
                birthDate: 'Date of birth',
                birthYear: 'Year of birth',
                age: 'Age',
                idNumber: 'ID number',
                phone: 'Mobile phone',
                education: 'Education',
                partyMember: 'Party member',
                townshipId: 'Township',
                villageId: 'Village',
                newlyElected: 'Newly elected',
                isMentor: 'Mentor',
                isReserve: 'Reserve cadre',
                positions: 'Positions',
                piiMasked: 'Masked',
                q: 'Search by name',
            },
        },
        users: {
            name: 'User |||| Users',
            fields: {
                id: 'ID',
                username: 'Username',
                displayName: 'Name',
                role: 'Role',
                townshipId: 'Township',
                villageId: 'Village',
                personId: 'Cadre record',
                active: 'Active',
                password: 'Initial password',
                q: 'Search',
            },
        },
        'audit-log': {
            name: 'Audit log |||| Audit log',
            fields: {
                id: 'ID',
                at: 'Time',
                userId: 'User ID',
                username: 'Username',
                action: 'Action',
                resource: 'Object',
                recordId: 'Record ID',
                detail: 'Detail',
                ip: 'IP address',
                requestId: 'Request ID',
            },
        },
        webhooks: {
            name: 'Group robot |||| Group robots',
            fields: {
                townshipId: 'Owner',
                kind: 'Kind',
                url: 'Robot address (webhook)',
                secret: 'Signing secret',
                active: 'Active',
                pendingDeliveries: 'Waiting to resend',
                failedDeliveries: 'Given up',
                lastError: 'Last error',
            },
        },
        'calendar-overrides': {
            name: 'Calendar override |||| Calendar overrides',
            fields: { day: 'Day', until: 'Until (inclusive)', kind: 'Kind', name: 'Name', year: 'Year' },
        },
        ...enTasks.resources,
        ...enAssessment.resources,
        ...enReserve.resources,
        ...enPool.resources,
        ...enSla.resources,
        ...enRecruitment.resources,
    },
    qinglan: {
        ...enTasks.qinglan,
        ...enProcesses.qinglan,
        ...enAssessment.qinglan,
        ...enReserve.qinglan,
        ...enPool.qinglan,
        ...enSla.qinglan,
        ...enReserveUse.qinglan,
        ...enRecruitment.qinglan,
        title: 'Qinglan',
        serviceStatus: {
            api: {
                title: 'The server cannot be reached',
                body: 'The server is restarting or the network is down. Nothing already sent is lost; please try again shortly. This notice goes away by itself.',
            },
            database: {
                title: 'Part of the system is unavailable',
                body: 'The database is restarting. Nothing already sent is lost; please try again shortly. This notice goes away by itself.',
            },
            temporal: {
                title: 'Part of the system is unavailable',
                body: 'The workflow engine is restarting. Nothing already sent is lost; please try again shortly. This notice goes away by itself.',
            },
            worker: {
                title: 'Part of the system is unavailable',
                body: 'The process worker is restarting: new tasks and progress may appear a little later. Nothing already sent is lost.',
            },
        },
        subtitle: 'Village cadre workflows',
        full_title: 'Qinglan · Village cadre workflows',
        county: 'County organization department',
        my_record: 'My record',
        roles: {
            county_admin: 'County organization department',
            township_officer: 'Township organization officer',
            township_secretary: 'Township Party secretary',
            village_secretary: 'Village Party secretary',
            mentor: 'Mentor',
            cadre: 'Village cadre',
            auditor: 'Auditor',
        },
        calendar_kind: { holiday: 'Day off', workday: 'Make-up workday' },
        webhook_kind: { dingtalk: 'DingTalk', wecom: 'WeCom' },
        webhooks: {
            county: 'The county (organization department)',
            url_hint:
                'The address the group gives for a custom robot: https://oapi.dingtalk.com/… (DingTalk) or https://qyapi.weixin.qq.com/… (WeCom)',
            secret_hint: 'For a DingTalk robot with signing on (starts with SEC); WeCom needs none',
            secret_keep: 'A secret once set is never shown; leave empty to keep it',
        },
        calendar: {
            bundled:
                'Public holidays and make-up workdays are built in up to %{last}. From %{next}, enter each day off and make-up workday once the State Council publishes the schedule; until then working days are Monday to Friday.',
            name_hint: 'e.g. Spring Festival, National Day',
            until_hint: 'Optional: the last day of a run of days (at most 15)',
        },
        township_kind: {
            township: 'Township',
            subdistrict: 'Subdistrict',
        },
        village_kind: {
            village: 'Village',
            community: 'Community',
        },
        area: {
            rural: 'Rural',
            urban: 'Urban',
        },
        gender: {
            male: 'Male',
            female: 'Female',
        },
        education: {
            junior_high: 'Junior high school',
            high_school: 'High school',
            vocational: 'Vocational school',
            college: 'College',
            bachelor: "Bachelor's degree",
            master: 'Postgraduate',
        },
        committee: {
            party_branch: 'Village Party organization',
            villagers_committee: "Villagers' / residents' committee",
            party_liaison: 'Party liaison officer',
        },
        position_title: {
            secretary: 'Secretary',
            deputy_secretary: 'Deputy secretary',
            director: 'Director',
            deputy_director: 'Deputy director',
            member: 'Member',
            liaison_officer: 'Party liaison officer',
        },
        position: {
            committee: 'Committee',
            title: 'Title',
            termStart: 'Term start',
            termEnd: 'Term end',
            label: '%{title}, %{committee}',
        },
        audit_action: {
            login: { succeeded: 'Sign in', failed: 'Failed sign-in' },
            logout: 'Sign out',
            record: { created: 'Create', updated: 'Update', deleted: 'Delete' },
            pii: { read: 'Personal data viewed' },
            history: { read: 'Raw history read', downloaded: 'Raw history downloaded' },
            process: { started: 'Process started', cancelled: 'Process cancelled', terminated: 'Process terminated' },
            tasks: { urged: 'Overdue tasks urged', batch_decided: 'Tasks approved in a batch' },
            import: { completed: 'Spreadsheet imported' },
        },
        audit_resource: {
            auth: 'Authentication',
            townships: 'Townships',
            villages: 'Villages',
            cadres: 'Village cadres',
            users: 'Users',
        },
        login: {
            username: 'Username',
            password: 'Password',
            submit: 'Sign in',
            signing_in: 'Signing in…',
            required: 'Please enter your username and password',
            demo_title: 'Demo accounts',
            demo_hint: 'Every demo account uses the password demo. Click an account to fill it in.',
            demo_county_admin: 'County organization department',
            demo_township_officer: 'Township organization officer',
            demo_village_secretary: 'Village Party secretary',
            footer: 'County organization department · village "two committees"',
        },
        dashboard: {
            title: 'Dashboard',
            welcome: 'Hello, %{name}',
            scope: 'Figures within your organisational scope.',
            load_error: 'Could not load the figures',
            stats: {
                incidents: 'Process incidents',
                townships: 'Townships',
                villages: 'Villages',
                communities: 'Communities',
                cadres: 'Village cadres',
                newlyElected: 'Newly elected cadres',
                newSecretaries: 'New Party secretaries',
                mentors: 'Mentors',
                reserves: 'Reserve cadres',
            },
        },
        cadres: {
            flags: 'Flags',
            flag: {
                newlyElected: 'New',
                isMentor: 'Mentor',
                isReserve: 'Reserve',
            },
            section_basic: 'Basic information',
            section_organisation: 'Village',
            section_flags: 'Status',
            section_pii: 'Personal data',
            section_positions: 'Positions',
            pii_masked:
                'ID number and phone are masked. Full values are shown only to roles whose work needs them, and every access is logged.',
            pii_masked_edit:
                'ID number and phone are masked and cannot be changed here; saving keeps the stored values.',
            pii_audited: 'Full ID number and phone are personal data; this access has been logged.',
            no_positions: 'No positions recorded',
            invalid_id_number: 'Enter an 18-character ID number (the last may be X)',
            invalid_phone: 'Enter an 11-digit mobile number',
        },
        users: {
            password_help: 'Password for the first sign-in',
            person_help: 'Cadre and mentor accounts must be linked to their own cadre record',
        },
        audit: {
            no_detail: 'None',
        },
        errors: {
            network: 'Cannot reach the server. Check the network and retry.',
            rate_limited: 'Too many attempts. Please wait and retry.',
            http: 'The server returned an error (%{status})',
        },
    },
};

const en: TranslationMessages = {
    ...englishMessages,
    ...enApp,
};

export default en;
