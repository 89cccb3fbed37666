/**
 * A fresh id for one click of a button that changes something: the API takes an action
 * with the same id once, so a retried request does not act twice. Built from
 * getRandomValues, which (unlike randomUUID) also exists on plain-http intranet hosts.
 */
export const newRequestId = (): string => {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
};
