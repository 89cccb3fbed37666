# syntax=docker/dockerfile:1
#
# One image for both qinglan processes:
#   API and console:  npm run api     (the default command; listens on PORT, 3000 by default)
#   Temporal worker:  npm run worker  (set as the command of the worker service)
# With DATABASE_URL and TEMPORAL_ADDRESS set, neither starts an embedded PostgreSQL or a
# Temporal dev server; see docker-compose.yml for the whole topology.
#
# Install scripts: package.json lists the packages allowed to run them (`allowScripts`), which
# npm 11 honours. The npm bundled with node:20 is older and runs every package's scripts; none
# of the dependencies needs a compiler, since they ship prebuilt binaries for linux-gnu.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- all dependencies, for building the console ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

# ---- the react-admin console: admin/dist ----
FROM deps AS build
COPY . .
RUN npm run build:admin

# ---- production dependencies only (tsx, which runs the TypeScript, is one of them) ----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false
WORKDIR /app

# Owned by root and read-only to the process; only data/ is writable by it.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY . .
COPY --from=build /app/admin/dist ./admin/dist
RUN mkdir -p /app/data && chown node:node /app/data

# The node image's unprivileged user (uid 1000).
USER node

EXPOSE 3000

# Only meaningful for the API: the worker service turns it off in docker-compose.yml.
# No curl in slim images, so node's own fetch asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]

CMD ["npm", "run", "api"]
