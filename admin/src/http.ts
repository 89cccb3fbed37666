import { HttpError, type fetchUtils } from 'react-admin';
import { i18nProvider, isEnglish } from './i18n/i18n-provider';
import type { ApiErrorBody } from './types';

export const CSRF_COOKIE = 'qinglan_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

// The token returned by login and /me, used when the cookie cannot be read.
let lastCsrfToken: string | undefined;

export const rememberCsrfToken = (token: unknown): void => {
    lastCsrfToken = typeof token === 'string' && token !== '' ? token : undefined;
};

export const readCookie = (name: string): string | undefined => {
    if (typeof document === 'undefined') return undefined;
    for (const part of document.cookie.split(';')) {
        const index = part.indexOf('=');
        if (index < 0) continue;
        if (part.slice(0, index).trim() === name) {
            return decodeURIComponent(part.slice(index + 1).trim());
        }
    }
    return undefined;
};

export const csrfToken = (): string | undefined => readCookie(CSRF_COOKIE) || lastCsrfToken;

const isApiErrorBody = (value: unknown): value is ApiErrorBody =>
    typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

/**
 * Turns an API error body into react-admin's HttpError: the message (Chinese,
 * or English when the console is in English) is what the notification shows, and
 * `fields` become `body.errors` so forms show them under each input.
 */
export const toHttpError = (status: number, statusText: string, json: unknown): HttpError => {
    const english = isEnglish();
    if (isApiErrorBody(json)) {
        const message = (english && json.messageEn) || json.message;
        const errors: Record<string, string> = {};
        for (const field of json.fields ?? []) {
            if (field && typeof field.field === 'string') {
                errors[field.field] = (english && field.messageEn) || field.message;
            }
        }
        const body = Object.keys(errors).length > 0 ? { ...json, errors } : json;
        return new HttpError(message, status, body);
    }
    const message =
        status === 429
            ? i18nProvider.translate('qinglan.errors.rate_limited')
            : i18nProvider.translate('qinglan.errors.http', { status, _: statusText || `HTTP ${status}` });
    return new HttpError(message, status, json);
};

export interface HttpResponse {
    status: number;
    headers: Headers;
    body: string;
    json: unknown;
}

/**
 * fetch for the qinglan API: same-origin cookies, JSON, and the CSRF header on
 * every request that changes something.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}): Promise<HttpResponse> => {
    const { user: _user, headers: givenHeaders, ...init } = options;
    const headers = new Headers(givenHeaders ?? undefined);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');

    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
        const token = csrfToken();
        if (token) headers.set(CSRF_HEADER, token);
    }
    if (init.body != null && !(init.body instanceof FormData) && !headers.has('Content-Type')) {
        headers.set('Content-Type', 'application/json');
    }

    let response: Response;
    try {
        response = await fetch(url, { ...init, method, headers, credentials: 'same-origin' });
    } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new HttpError(i18nProvider.translate('qinglan.errors.network'), 0, null);
    }

    const body = await response.text();
    let json: unknown = undefined;
    if (body !== '') {
        try {
            json = JSON.parse(body);
        } catch {
            // not JSON
        }
    }
    if (!response.ok) {
        throw toHttpError(response.status, response.statusText, json);
    }
    return { status: response.status, headers: response.headers, body, json };
};
