// The API reference page (/api/docs): Swagger UI served from the swagger-ui-dist package on
// this server, never from a public CDN, so the page works offline in a county's network and
// its Content-Security-Policy can allow scripts from this server alone.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';

const distDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const ASSETS: Record<string, { file?: string; body?: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
  // A file, not an inline script: the page's CSP allows scripts from this server only.
  'init.js': {
    body: "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });\n",
    type: 'text/javascript; charset=utf-8',
  },
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>青蓝 API</title>
<link rel="alternate" type="application/json" href="/api/openapi.json">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

export function createDocsRoutes() {
  const app = new Hono();
  const cache = new Map<string, string>();
  app.get('/', (c) => c.html(PAGE));
  app.get('/:asset', (c) => {
    const asset = ASSETS[c.req.param('asset')];
    if (!asset) return c.notFound();
    let body = cache.get(c.req.param('asset'));
    if (body === undefined) {
      body = asset.body ?? fs.readFileSync(path.join(distDir, asset.file!), 'utf8');
      cache.set(c.req.param('asset'), body);
    }
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(body, 200, { 'content-type': asset.type });
  });
  return app;
}
