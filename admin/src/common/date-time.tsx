import { useLocaleState } from 'react-admin';

/** A time in the console's language: 2025年5月1日 14:30 / May 1, 2025, 2:30 PM. */
export const formatDateTime = (value: string | null | undefined, locale: string): string => {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
};

export const DateTimeText = ({ value }: { value: string | null | undefined }) => {
    const [locale] = useLocaleState();
    return <>{formatDateTime(value, locale)}</>;
};
