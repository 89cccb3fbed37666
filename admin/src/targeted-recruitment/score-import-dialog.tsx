import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    List,
    ListItem,
    MenuItem,
    Stack,
    TextField,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { recruitmentApi, scoreTemplateUrl } from './api';

type Exam = 'written' | 'interview';
interface FieldError {
    field: string;
    message: string;
    messageEn?: string;
}

/** 导入成绩: the province's sheet of one exam; every bad row and column is listed, and nothing is stored. */
export const ScoreImportDialog = ({ campaignId, onDone }: { campaignId: number; onDone: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [exam, setExam] = useState<Exam>('written');
    const [problem, setProblem] = useState<{ message: string; fields: FieldError[] } | null>(null);
    const [busy, setBusy] = useState(false);
    const upload = async (event: ChangeEvent<HTMLInputElement>) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (!file) return;
        setBusy(true);
        setProblem(null);
        try {
            const res = await recruitmentApi.importScores(campaignId, exam, file);
            notify('qinglan.recruitment.imported', { type: 'success', messageArgs: { count: res.imported } });
            setOpen(false);
            onDone();
        } catch (e) {
            const body = (e as HttpError).body as { fields?: FieldError[] } | undefined;
            setProblem({ message: (e as Error).message, fields: body?.fields ?? [] });
        } finally {
            setBusy(false);
        }
    };
    return (
        <>
            <Button
                size="small"
                variant="outlined"
                startIcon={<UploadFileIcon />}
                onClick={() => setOpen(true)}
                name="import-scores"
            >
                {translate('qinglan.recruitment.import_scores')}
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" className="qinglan-score-import">
                <DialogTitle>{translate('qinglan.recruitment.import_scores')}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <TextField
                            select
                            size="small"
                            label={translate('qinglan.recruitment.exam')}
                            value={exam}
                            onChange={(e) => setExam(e.target.value as Exam)}
                            name="exam"
                        >
                            <MenuItem value="written">{translate('qinglan.recruitment.exam_written')}</MenuItem>
                            <MenuItem value="interview">{translate('qinglan.recruitment.exam_interview')}</MenuItem>
                        </TextField>
                        <Button
                            size="small"
                            startIcon={<DownloadIcon />}
                            href={scoreTemplateUrl(campaignId, exam)}
                            download
                            sx={{ alignSelf: 'flex-start', textTransform: 'none' }}
                            className="qinglan-score-template"
                        >
                            {translate('qinglan.recruitment.template')}
                        </Button>
                        {problem && (
                            <Alert severity="error" className="qinglan-score-import-errors">
                                {problem.message}
                                <List dense>
                                    {problem.fields.map((f) => (
                                        <ListItem key={`${f.field}-${f.message}`} sx={{ py: 0 }}>
                                            {f.field}：{f.message}
                                        </ListItem>
                                    ))}
                                </List>
                            </Alert>
                        )}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                    <Button variant="contained" component="label" disabled={busy} startIcon={<UploadFileIcon />}>
                        {translate('qinglan.recruitment.choose_file')}
                        <input hidden type="file" name="score-file" accept=".xlsx" onChange={(e) => void upload(e)} />
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
