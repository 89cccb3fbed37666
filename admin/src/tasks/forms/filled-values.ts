/**
 * The values a clerk filled in, trimmed: empty ones are dropped, since the API's optional fields
 * refuse null and an untouched input is null or ''. Used for a form and for each row of its lists.
 */
export const filledValues = (values: unknown): Record<string, unknown> => {
    const filled: Record<string, unknown> = {};
    for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        const v = typeof value === 'string' ? value.trim() : value;
        if (v === null || v === undefined || v === '') continue;
        filled[key] = v;
    }
    return filled;
};
