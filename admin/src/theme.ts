import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** 青 and 蓝: a blue primary and a cyan-green secondary. */
export const theme: RaThemeOptions = {
    ...defaultTheme,
    palette: {
        ...defaultTheme.palette,
        primary: { main: '#1f5f8b' },
        secondary: { main: '#1b7f86' },
        background: { default: '#f4f7f9' },
    },
    typography: {
        ...defaultTheme.typography,
        fontFamily: [
            '-apple-system',
            'BlinkMacSystemFont',
            '"Segoe UI"',
            '"PingFang SC"',
            '"Hiragino Sans GB"',
            '"Microsoft YaHei"',
            '"Noto Sans CJK SC"',
            'Roboto',
            'sans-serif',
        ].join(','),
    },
};
