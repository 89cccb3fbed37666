import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { chinaYear } from '../../../domain/china-time';

/** The assessed year: this year, the next one and the five before. */
export const YearPicker = ({ value, onChange }: { value: number; onChange: (year: number) => void }) => {
    const translate = useTranslate();
    const current = chinaYear();
    const years = Array.from({ length: 7 }, (_, i) => current + 1 - i);
    return (
        <TextField
            select
            size="small"
            name="year"
            label={translate('qinglan.assessment.year')}
            value={value}
            onChange={(event) => onChange(Number(event.target.value))}
            fullWidth={false}
            sx={{ width: 140 }}
            className="qinglan-assessment-year"
        >
            {years.map((year) => (
                <MenuItem key={year} value={year}>
                    {translate('qinglan.assessment.year_label', { year })}
                </MenuItem>
            ))}
        </TextField>
    );
};
