import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

// A form field whose label key differs from its name, and fields whose values are choices.
const LABEL_KEYS: Record<string, string> = { form: 'exchange_form' };
const CHOICE_GROUPS: Record<string, string> = { form: 'exchange_form', grade: 'grade' };

/** What a person filled in, as "label: value" lines (交流形式：走访 …). */
export const FormSummary = ({ form }: { form: unknown }) => {
    const translate = useTranslate();
    if (!form || typeof form !== 'object') return null;
    const entries = Object.entries(form as Record<string, unknown>).filter(
        ([, value]) =>
            value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
    );
    if (entries.length === 0) return null;
    const show = (field: string, value: unknown): string => {
        if (Array.isArray(value)) return value.map(String).join('；');
        // 评分: one number per rubric item
        if (typeof value === 'object' && value !== null) {
            return Object.entries(value as Record<string, unknown>)
                .map(([key, v]) => `${key} ${String(v)}`)
                .join('；');
        }
        if (CHOICE_GROUPS[field]) return translate(`qinglan.${CHOICE_GROUPS[field]}.${value}`, { _: String(value) });
        return String(value);
    };
    return (
        <Box component="dl" className="qinglan-form-summary" sx={{ m: 0, mt: 0.5, fontSize: '0.875rem' }}>
            {entries.map(([field, value]) => (
                <Box key={field} sx={{ display: 'flex', gap: 1 }}>
                    <Box component="dt" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                        {translate('qinglan.label_colon', {
                            label: translate(`qinglan.forms.${LABEL_KEYS[field] ?? field}`, { _: field }),
                        })}
                    </Box>
                    <Box component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                        {show(field, value)}
                    </Box>
                </Box>
            ))}
        </Box>
    );
};
