import { Box } from '@mui/material';
import { DateInput, required, SelectInput, TextInput } from 'react-admin';
import { exchangeFormChoices } from '../../choices';

/** Today in the browser's calendar, as YYYY-MM-DD. */
const today = (): string => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export const exchangeDefaults = () => ({ date: today() });

/** 定期交流: the date, the form (走访 / 电话 / 现场指导), notes and problems solved. */
export const ExchangeForm = () => (
    <>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
            <DateInput source="form.date" label="qinglan.forms.date" validate={required()} />
            <SelectInput
                source="form.form"
                label="qinglan.forms.exchange_form"
                choices={exchangeFormChoices}
                validate={required()}
                sx={{ minWidth: 180 }}
            />
        </Box>
        <TextInput
            source="form.notes"
            label="qinglan.forms.notes"
            validate={required()}
            multiline
            minRows={3}
            fullWidth
        />
        <TextInput source="form.problemsSolved" label="qinglan.forms.problemsSolved" multiline minRows={2} fullWidth />
    </>
);
