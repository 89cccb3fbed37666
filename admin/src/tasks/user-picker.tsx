import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { User } from '../types';

interface UserPickerProps {
    multiple: boolean;
    value: User[];
    onChange: (users: User[]) => void;
    label: string;
    error?: string;
}

const labelOf = (user: User) => `${user.displayName}（${user.username}）`;

/** Picks one or several active accounts, searched by name or username. */
export const UserPicker = ({ multiple, value, onChange, label, error }: UserPickerProps) => {
    const translate = useTranslate();
    const [search, setSearch] = useState('');
    const { data = [], isPending } = useGetList<User>('users', {
        filter: search ? { q: search, active: true } : { active: true },
        pagination: { page: 1, perPage: 20 },
        sort: { field: 'displayName', order: 'ASC' },
    });
    const common = {
        options: data,
        loading: isPending,
        getOptionLabel: labelOf,
        isOptionEqualToValue: (option: User, chosen: User) => option.id === chosen.id,
        filterOptions: (options: User[]) => options,
        onInputChange: (_event: unknown, text: string, reason: string) => {
            if (reason === 'input') setSearch(text);
        },
        noOptionsText: translate('qinglan.tasks.no_users'),
        renderInput: (params: object) => (
            <TextField
                {...params}
                label={translate(label)}
                error={!!error}
                helperText={error}
                margin="dense"
                className="qinglan-user-picker"
            />
        ),
    };
    return multiple ? (
        <Autocomplete<User, true> {...common} multiple value={value} onChange={(_event, users) => onChange(users)} />
    ) : (
        <Autocomplete<User, false>
            {...common}
            value={value[0] ?? null}
            onChange={(_event, user) => onChange(user ? [user] : [])}
        />
    );
};
