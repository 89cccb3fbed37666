import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console lives in admin/; `npm run build:admin` runs from the repository root.
const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = `http://127.0.0.1:${process.env.PORT || 3000}`;

const inNodeModules = (...packages: string[]) => new RegExp(`[\\\\/]node_modules[\\\\/](${packages.join('|')})[\\\\/]`);

export default defineConfig({
    root,
    base: '/',
    plugins: [react()],
    server: {
        port: 5173,
        strictPort: true,
        proxy: {
            '/api': { target: apiTarget, changeOrigin: false },
        },
    },
    preview: {
        port: 4173,
        proxy: {
            '/api': { target: apiTarget, changeOrigin: false },
        },
    },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        sourcemap: false,
        chunkSizeWarningLimit: 1200,
        rolldownOptions: {
            output: {
                codeSplitting: {
                    groups: [
                        {
                            name: 'react',
                            test: inNodeModules(
                                'react',
                                'react-dom',
                                'scheduler',
                                'react-router',
                                'react-router-dom',
                                'cookie',
                                'set-cookie-parser',
                                'react-is',
                            ),
                            priority: 40,
                        },
                        {
                            name: 'mui',
                            test: inNodeModules(
                                '@mui',
                                '@emotion',
                                '@popperjs',
                                'react-transition-group',
                                'stylis',
                                'clsx',
                                'prop-types',
                                'hoist-non-react-statics',
                                '@babel',
                            ),
                            priority: 30,
                        },
                        {
                            name: 'react-admin',
                            test: inNodeModules(
                                'react-admin',
                                'ra-[^\\\\/]+',
                                '@tanstack',
                                'react-hook-form',
                                'node-polyglot',
                                'lodash',
                                'query-string',
                                'inflection',
                                'date-fns',
                                'react-dropzone',
                                'react-error-boundary',
                                'papaparse',
                                'jsonexport',
                                'dompurify',
                            ),
                            priority: 20,
                        },
                        {
                            name: 'vendor',
                            test: inNodeModules('[^\\\\/]+'),
                            priority: 10,
                        },
                    ],
                },
            },
        },
    },
});
