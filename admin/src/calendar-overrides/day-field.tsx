import { useLocaleState, useRecordContext } from 'react-admin';

/** The day as written in the State Council's notice (2027-02-08), with its weekday: a 调休 day is a weekend. */
export const DayField = (_props: { source: 'day'; label?: string }) => {
    const record = useRecordContext<{ day: string }>();
    const [locale] = useLocaleState();
    if (!record?.day) return null;
    const weekday = new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'zh-CN', {
        weekday: 'short',
        timeZone: 'UTC',
    }).format(new Date(`${record.day}T00:00:00Z`));
    return (
        <span className="qinglan-calendar-day">
            {record.day} {weekday}
        </span>
    );
};
