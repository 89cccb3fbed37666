import type { TranslateFunction } from 'react-admin';
import type { Position } from '../types';

/** "村党组织书记", "村(居)委会副主任"… */
export const positionLabel = (translate: TranslateFunction, position: Position): string =>
    translate('qinglan.position.label', {
        committee: translate(`qinglan.committee.${position.committee}`, { _: position.committee }),
        title: translate(`qinglan.position_title.${position.title}`, { _: position.title }),
    });
