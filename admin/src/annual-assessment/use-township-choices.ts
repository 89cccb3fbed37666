import { useGetList } from 'react-admin';
import type { Township } from '../types';

/** Every township of the county, in code order. */
export const useTownships = (enabled = true) =>
    useGetList<Township>(
        'townships',
        { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } },
        { enabled },
    ).data ?? [];
