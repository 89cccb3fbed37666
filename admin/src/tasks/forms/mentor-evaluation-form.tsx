import { required, SelectInput, TextInput } from 'react-admin';
import { gradeChoices } from '../../choices';

/** 导师评价: the grade (优秀 / 合格 / 不合格) and comments. */
export const MentorEvaluationForm = () => (
    <>
        <SelectInput
            source="form.grade"
            label="qinglan.forms.grade"
            choices={gradeChoices}
            validate={required()}
            sx={{ minWidth: 180 }}
        />
        <TextInput
            source="form.comments"
            label="qinglan.forms.comments"
            validate={required()}
            multiline
            minRows={3}
            fullWidth
        />
    </>
);
