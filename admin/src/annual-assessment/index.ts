import FactCheckIcon from '@mui/icons-material/FactCheck';
import { AssessmentPage } from './assessment-page';

export { AssessmentPage };

/** 年度考核 lives at /annual-assessment: progress, results, and the county's start and schedule. */
export default {
    list: AssessmentPage,
    icon: FactCheckIcon,
};
