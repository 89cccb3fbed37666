import { HttpError } from 'react-admin';

/** Field name → message of a refused request (the API's `fields`, as http.ts shapes them). */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
    if (!(error instanceof HttpError)) return {};
    const errors = (error.body as { errors?: Record<string, string> } | undefined)?.errors;
    return errors && typeof errors === 'object' ? errors : {};
};

/** The message to show for a failed call: the API's own words when it gave some. */
export const errorMessageOf = (error: unknown): string =>
    error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
