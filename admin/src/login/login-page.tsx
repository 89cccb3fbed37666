import { Alert, Avatar, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { LocalesMenuButton, useCheckAuth, useLogin, useNavigate, useNotify, useTranslate } from 'react-admin';
import { LocaleThemeProvider } from '../layout';
import { ServiceStatusBanner } from '../service-status';
import { DEMO_PASSWORD, DemoAccounts } from './demo-accounts';

const errorMessage = (error: unknown): string | undefined => {
    if (typeof error === 'string') return error;
    if (error instanceof Error && error.message) return error.message;
    return undefined;
};

const LoginForm = () => {
    const translate = useTranslate();
    const login = useLogin();
    const notify = useNotify();
    const [username, setUsername] = useState('');
    const [password, setPassword] = useState('');
    const [submitting, setSubmitting] = useState(false);
    const [error, setError] = useState<string | null>(null);

    const submit = async (event: FormEvent) => {
        event.preventDefault();
        if (!username.trim() || !password) {
            setError(translate('qinglan.login.required'));
            return;
        }
        setSubmitting(true);
        setError(null);
        try {
            await login({ username: username.trim(), password });
        } catch (failure) {
            const message = errorMessage(failure) ?? translate('ra.auth.sign_in_error');
            setError(message);
            notify(message, { type: 'error', messageArgs: { _: message } });
            setSubmitting(false);
        }
    };

    const pick = (name: string) => {
        setUsername(name);
        setPassword(DEMO_PASSWORD);
        setError(null);
    };

    return (
        <Box component="form" onSubmit={submit} noValidate className="qinglan-login-form">
            {error && (
                <Alert severity="error" role="alert" sx={{ mb: 2 }} className="qinglan-login-error">
                    {error}
                </Alert>
            )}
            <TextField
                id="username"
                name="username"
                label={translate('qinglan.login.username')}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                autoComplete="username"
                autoFocus
                fullWidth
                margin="normal"
                disabled={submitting}
            />
            <TextField
                id="password"
                name="password"
                type="password"
                label={translate('qinglan.login.password')}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                autoComplete="current-password"
                fullWidth
                margin="normal"
                disabled={submitting}
            />
            <Button
                type="submit"
                variant="contained"
                color="primary"
                size="large"
                fullWidth
                disabled={submitting}
                sx={{ mt: 2 }}
                startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : undefined}
            >
                {translate(submitting ? 'qinglan.login.signing_in' : 'qinglan.login.submit')}
            </Button>
            <DemoAccounts onPick={pick} />
        </Box>
    );
};

const LoginScreen = () => {
    const translate = useTranslate();
    const checkAuth = useCheckAuth();
    const navigate = useNavigate();
    // already signed in (another tab, or a reload of /login): go home
    useEffect(() => {
        checkAuth({}, false)
            .then(() => navigate('/'))
            .catch(() => undefined);
    }, [checkAuth, navigate]);
    return (
        <Box
            className="qinglan-login"
            sx={{
                minHeight: '100vh',
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                justifyContent: 'center',
                px: 2,
                background: 'linear-gradient(160deg, #1f5f8b 0%, #1b7f86 55%, #e9f1f5 55%)',
            }}
        >
            <Box sx={{ position: 'absolute', top: 8, right: 8, color: 'common.white' }}>
                <LocalesMenuButton />
            </Box>
            <Card sx={{ width: '100%', maxWidth: 420 }} elevation={6}>
                <ServiceStatusBanner />
                <CardContent sx={{ p: 4 }}>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
                        <Avatar sx={{ bgcolor: 'primary.main', width: 52, height: 52, fontSize: 26 }}>青</Avatar>
                        <Typography variant="h5" component="h1" sx={{ fontWeight: 700, lineHeight: 1.3 }}>
                            {translate('qinglan.title')}
                            <Box component="span" sx={{ mx: 0.75, color: 'text.disabled' }}>
                                ·
                            </Box>
                            <Box component="span" sx={{ fontWeight: 400, fontSize: '1rem', color: 'text.secondary' }}>
                                {translate('qinglan.subtitle')}
                            </Box>
                        </Typography>
                    </Box>
                    <LoginForm />
                </CardContent>
            </Card>
            <Typography variant="caption" color="text.secondary" sx={{ mt: 3 }}>
                {translate('qinglan.login.footer')}
            </Typography>
        </Box>
    );
};

/** 青蓝 · 村(社区)干部工作流程: sign in with 用户名 / 密码. */
export const LoginPage = () => (
    <LocaleThemeProvider>
        <LoginScreen />
    </LocaleThemeProvider>
);
