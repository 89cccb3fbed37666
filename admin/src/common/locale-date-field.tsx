import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** DateField formatted for the console's locale rather than the browser's. */
export const LocaleDateField = (props: DateFieldProps) => {
    const [locale] = useLocaleState();
    return <DateField locales={locale} {...props} />;
};
