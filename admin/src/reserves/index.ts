import EmojiPeopleIcon from '@mui/icons-material/EmojiPeople';
import { ReserveList } from './reserve-list';
import { ReserveShow } from './reserve-show';
import { UseRankingPage } from './use-ranking-page';
import type { Reserve } from './types';

export { ReserveList, ReserveShow, UseRankingPage };

/** 后备干部人才库 at /reserves: written by the intake and cultivation workflows, read here. */
export default {
    list: ReserveList,
    show: ReserveShow,
    icon: EmojiPeopleIcon,
    recordRepresentation: (record: Reserve) => record.name,
};
