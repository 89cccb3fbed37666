// The production topology (docker-compose.yml and the Dockerfile), checked by reading them:
// services, pinned images, credentials that agree, dependencies, search attributes, volumes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { TEMPORAL_CLI_PIN } from '../runtime/temporal-cli-pin.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

type Env = Record<string, string>;

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | number | { target: number | string; published?: number | string; host_ip?: string }>;
  volumes?: Array<string | { type?: string; source?: string; target: string }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  deploy?: { replicas?: number };
  restart?: string;
  container_name?: string;
}

interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

// ---- Compose variable interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, $VAR, $$ ----

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

function interpolate(value: string, env: Env): string {
  return value.replace(
    VARIABLE,
    (match, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
      if (match === '$$') return '$';
      const name = (braced ?? bare)!;
      const isSet = Object.hasOwn(env, name);
      const current = env[name];
      const nonEmpty = isSet && current !== '';
      switch (op) {
        case ':-':
          return nonEmpty ? current : (arg ?? '');
        case '-':
          return isSet ? current : (arg ?? '');
        case ':+':
          return nonEmpty ? (arg ?? '') : '';
        case '+':
          return isSet ? (arg ?? '') : '';
        case ':?':
        case '?':
          if (op === ':?' ? nonEmpty : isSet) return current;
          throw new Error(`variable ${name} is required: ${arg}`);
        default:
          return current ?? '';
      }
    },
  );
}

function resolve<T>(node: T, env: Env): T {
  if (typeof node === 'string') return interpolate(node, env) as T;
  if (Array.isArray(node)) return node.map((item) => resolve(item, env)) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(value, env)])) as T;
  }
  return node;
}

const composeText = read('docker-compose.yml');
// Compose understands YAML merge keys (`<<: *anchor`); YAML 1.2 parsers need them turned on.
const raw = parse(composeText, { merge: true }) as Compose;

const variableNames = [...composeText.matchAll(VARIABLE)]
  .map((m) => m[1] ?? m[4])
  .filter((name): name is string => !!name);

// Checked twice: with every variable unset (the defaults), and with every variable set to a
// value of its own, so two places agree because they read the same variable, not by luck.
const environments: Array<[string, Env]> = [
  ['defaults', {}],
  [
    'variables set',
    Object.fromEntries(variableNames.map((name) => [name, `set-${name.toLowerCase().replace(/_/g, '-')}`])),
  ],
];

// ---- helpers ----

function environmentOf(service: Service | undefined): Env {
  const env = service?.environment;
  if (!env) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

function dependenciesOf(service: Service | undefined): Record<string, string> {
  const deps = service?.depends_on;
  if (!deps) return {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, spec]) => [name, spec?.condition ?? 'service_started']));
}

function words(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);
}

interface PublishedPort {
  hostIp?: string;
  published?: string;
  target: string;
}

function portsOf(service: Service | undefined): PublishedPort[] {
  return (service?.ports ?? []).map((port) => {
    if (typeof port === 'object') {
      return {
        hostIp: port.host_ip,
        published: port.published === undefined ? undefined : String(port.published),
        target: String(port.target),
      };
    }
    const [spec] = String(port).split('/');
    const parts = spec.split(':');
    const target = parts.pop()!;
    const published = parts.pop();
    const hostIp = parts.length ? parts.join(':') : undefined;
    return { hostIp, published, target };
  });
}

function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const at = lastSegment.indexOf(':');
  return at < 0 ? undefined : lastSegment.slice(at + 1);
}

function buildOf(service: Service | undefined): { context: string; dockerfile: string } | undefined {
  const build = service?.build;
  if (build === undefined) return undefined;
  if (typeof build === 'string') return { context: build, dockerfile: 'Dockerfile' };
  return { context: build.context ?? '.', dockerfile: build.dockerfile ?? 'Dockerfile' };
}

function namedVolume(volume: string | { type?: string; source?: string; target: string }): {
  source?: string;
  target: string;
} {
  if (typeof volume === 'object') {
    return {
      source: volume.type === undefined || volume.type === 'volume' ? volume.source : undefined,
      target: volume.target,
    };
  }
  const parts = volume.split(':');
  if (parts.length === 1) return { target: parts[0] }; // anonymous volume
  const [source, target] = parts;
  const isPath = /^[./~]/.test(source);
  return { source: isPath ? undefined : source, target };
}

const SQL_VISIBILITY_COLUMNS: Record<string, number> = {
  Keyword: 10,
  KeywordList: 3,
  Int: 3,
  Text: 3,
  Bool: 3,
  Double: 3,
  Datetime: 3,
};

const CLI_TYPES: Record<string, string> = {
  KEYWORD: 'Keyword',
  KEYWORD_LIST: 'KeywordList',
  INT: 'Int',
  TEXT: 'Text',
  BOOL: 'Bool',
  DOUBLE: 'Double',
  DATETIME: 'Datetime',
};

function declaredSearchAttributes(): Array<{ name: string; type: string }> {
  const source = read('workflows/search-attributes.ts');
  return [...source.matchAll(/defineSearchAttributeKey\(\s*'([^']+)'\s*,\s*SearchAttributeType\.([A-Z_]+)/g)].map(
    (m) => ({
      name: m[1],
      type: CLI_TYPES[m[2]] ?? `unknown ${m[2]}`,
    }),
  );
}

/** Final stage of a Dockerfile: the lines after its last FROM. */
function finalStage(dockerfile: string): string {
  const lines = dockerfile.split('\n');
  const lastFrom = lines.findLastIndex((line) => /^\s*FROM\s/i.test(line));
  return lines.slice(lastFrom).join('\n');
}

/** Instructions of a Dockerfile, continuation lines joined, comments dropped. */
function instructions(dockerfile: string): string[] {
  return dockerfile
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

// ---- the checks ----

describe('docker-compose.yml', () => {
  const services = raw.services ?? {};
  const REQUIRED = ['postgres', 'temporal-schema', 'temporal', 'temporal-ui', 'temporal-admin-tools', 'api', 'worker'];

  it('follows the Compose spec: no version key', () => {
    expect(raw).toBeTypeOf('object');
    expect(Object.keys(raw)).not.toContain('version');
  });

  it('has the services of the topology', () => {
    for (const name of REQUIRED) expect(Object.keys(services), `service ${name}`).toContain(name);
  });

  it('pins every image it pulls to a tag other than latest', () => {
    const resolved = resolve(raw, {});
    const pulled = Object.entries(resolved.services).filter(([, service]) => service.build === undefined);
    expect(pulled.map(([name]) => name)).toEqual(
      expect.arrayContaining(['postgres', 'temporal-schema', 'temporal', 'temporal-ui', 'temporal-admin-tools']),
    );
    for (const [name, service] of pulled) {
      expect(service.image, `${name} has an image`).toBeTypeOf('string');
      const tag = imageTag(service.image!);
      expect(tag, `${name} image ${service.image} has a tag`).toBeTruthy();
      expect(tag, `${name} image ${service.image}`).not.toBe('latest');
    }
    // The images the app itself is tagged with, when named, are not "latest" either.
    for (const name of ['api', 'worker']) {
      const image = resolved.services[name].image;
      if (image !== undefined) expect(imageTag(image), `${name} image ${image}`).not.toBe('latest');
    }
  });

  it("runs the Temporal Server of the pinned CLI's dev server, from the plain server image, never auto-setup", () => {
    const { serverVersion, uiVersion } = TEMPORAL_CLI_PIN;
    expect(composeText).not.toMatch(/auto-setup/i);
    expect(services.temporal.image).toBe(`temporalio/server:${serverVersion}`);
    for (const name of ['temporal-schema', 'temporal-admin-tools']) {
      // tagged <server>[-tctl-<version>-cli-<version>]
      expect(services[name].image, name).toMatch(
        new RegExp(`^temporalio/admin-tools:${serverVersion.replace(/\./g, '\\.')}(-|$)`),
      );
    }
    expect(services['temporal-ui'].image).toBe(`temporalio/ui:${uiVersion}`);
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
  });

  it('builds api and worker from the Dockerfile at the repository root', () => {
    for (const name of ['api', 'worker']) {
      const build = buildOf(services[name]);
      expect(build, `${name} is built`).toBeDefined();
      expect(path.resolve(root, build!.context), `${name} build context`).toBe(root);
      expect(build!.dockerfile, `${name} Dockerfile`).toBe('Dockerfile');
      expect(
        fs.existsSync(path.join(root, build!.context, build!.dockerfile)),
        `${name}: ${build!.dockerfile} exists`,
      ).toBe(true);
    }
    expect(services.api.image).toBe(services.worker.image);
  });

  it('runs the package.json scripts api and worker', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts?: Record<string, string> };
    for (const name of ['api', 'worker']) {
      expect(words(services[name].command), `${name} command`).toEqual(['npm', 'run', name]);
      expect(Object.keys(pkg.scripts ?? {}), `package.json script ${name}`).toContain(name);
    }
  });

  it('publishes the API on 3000, the port it listens on', () => {
    const ports = portsOf(services.api);
    expect(ports).toContainEqual(expect.objectContaining({ published: '3000', target: '3000' }));
    expect(environmentOf(services.api).PORT).toBe('3000');
  });

  it('runs at least two workers, publishing no ports', () => {
    const worker = services.worker;
    expect(worker.deploy?.replicas).toBeTypeOf('number');
    expect(worker.deploy!.replicas).toBeGreaterThanOrEqual(2);
    expect(portsOf(worker)).toEqual([]);
    // A fixed container name would stop a second replica from starting.
    expect(worker.container_name).toBeUndefined();
  });

  it('bounds each worker’s memory: a workflow cache and a V8 heap limit', () => {
    const env = environmentOf(resolve(raw, {}).services.worker);
    expect(Number(env.QINGLAN_WORKER_MAX_CACHED_WORKFLOWS)).toBeGreaterThan(0);
    const heap = /^--max-old-space-size=(\d+)$/.exec(String(env.NODE_OPTIONS));
    expect(heap, String(env.NODE_OPTIONS)).not.toBeNull();
    expect(Number(heap![1])).toBeGreaterThanOrEqual(512);
    // the api keeps Node's default heap
    expect(environmentOf(resolve(raw, {}).services.api).NODE_OPTIONS).toBeUndefined();
  });

  it("turns off the image's API health check for the worker", () => {
    const healthcheck = services.worker.healthcheck;
    const disabled = healthcheck?.disable === true || words(healthcheck?.test)[0] === 'NONE';
    expect(disabled).toBe(true);
  });

  it('runs api and worker in production mode on the default namespace', () => {
    for (const name of ['api', 'worker']) {
      const env = environmentOf(services[name]);
      expect(env.NODE_ENV, `${name} NODE_ENV`).toBe('production');
      expect(env.TEMPORAL_NAMESPACE, `${name} TEMPORAL_NAMESPACE`).toBe('default');
    }
  });

  for (const [label, variables] of environments) {
    describe(`with ${label}`, () => {
      const resolved = resolve(raw, variables);
      const postgresEnv = environmentOf(resolved.services.postgres);

      it('gives the postgres service a user, a password and the qinglan database', () => {
        expect(postgresEnv.POSTGRES_USER).toBeTruthy();
        expect(postgresEnv.POSTGRES_PASSWORD).toBeTruthy();
        expect(postgresEnv.POSTGRES_DB).toBe('qinglan');
      });

      it('points DATABASE_URL of api and worker at the qinglan database with the postgres credentials', () => {
        for (const name of ['api', 'worker']) {
          const value = environmentOf(resolved.services[name]).DATABASE_URL;
          expect(value, `${name} DATABASE_URL`).toBeTypeOf('string');
          const url = new URL(value);
          expect(url.protocol, `${name} scheme`).toMatch(/^postgres(ql)?:$/);
          expect(url.hostname, `${name} host`).toBe('postgres');
          expect(url.port, `${name} port`).toBe('5432');
          expect(url.pathname, `${name} database`).toBe('/qinglan');
          expect(decodeURIComponent(url.username), `${name} user`).toBe(postgresEnv.POSTGRES_USER);
          expect(decodeURIComponent(url.password), `${name} password`).toBe(postgresEnv.POSTGRES_PASSWORD);
        }
      });

      it('points TEMPORAL_ADDRESS of api and worker at the temporal service on 7233', () => {
        for (const name of ['api', 'worker']) {
          expect(environmentOf(resolved.services[name]).TEMPORAL_ADDRESS, `${name} TEMPORAL_ADDRESS`).toBe(
            'temporal:7233',
          );
        }
      });

      it('gives Temporal the postgres service and its credentials', () => {
        const env = environmentOf(resolved.services.temporal);
        expect(env.DB).toMatch(/^postgres12(_pgx)?$/);
        expect(env.DB_PORT).toBe('5432');
        expect(env.POSTGRES_SEEDS.split(',')).toContain('postgres');
        expect(env.POSTGRES_USER).toBe(postgresEnv.POSTGRES_USER);
        expect(env.POSTGRES_PWD).toBe(postgresEnv.POSTGRES_PASSWORD);
      });
    });
  }

  describe('the schema job', () => {
    const job = services['temporal-schema'];
    // As the shell sees it: Compose has turned $$ into $.
    const script = () => {
      const resolved = resolve(raw, {}).services['temporal-schema'];
      return [
        ...words(resolved.entrypoint),
        ...(Array.isArray(resolved.command) ? resolved.command : [resolved.command ?? '']),
      ].join('\n');
    };

    it('runs once, after PostgreSQL is healthy, and the server starts only when it has succeeded', () => {
      expect(job.restart).toBe('no');
      expect(dependenciesOf(job).postgres).toBe('service_healthy');
      expect(dependenciesOf(services.temporal)['temporal-schema']).toBe('service_completed_successfully');
      // nothing else waits on it: the server is the one that needs the schema
      expect(job.entrypoint, 'the image entrypoint only sleeps').toBeDefined();
    });

    it('creates, sets up and updates both databases, in that order, for the databases the server uses', () => {
      const env = environmentOf(services.temporal);
      const text = script();
      // `sql` is a shell function around temporal-sql-tool for PostgreSQL on the postgres service
      expect(text).toMatch(/sql\(\)\s*\{\s*temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 /);
      const databases: Array<[string, string]> = [
        [env.DBNAME, 'temporal'],
        [env.VISIBILITY_DBNAME, 'visibility'],
      ];
      for (const [database, schemaDir] of databases) {
        expect(database).toBeTruthy();
        const steps = text
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line.startsWith(`sql --db ${database} `))
          .map((line) => line.slice(`sql --db ${database} `.length));
        expect(steps, database).toEqual([
          'create',
          'setup-schema -v 0.0',
          `update-schema -d $schemas/${schemaDir}/versioned`,
        ]);
      }
      expect(text).toContain('schemas=/etc/temporal/schema/postgresql/v12');
      expect(env.DB).toBe('postgres12');
    });

    for (const [label, variables] of environments) {
      it(`connects with the postgres service's credentials (${label})`, () => {
        const resolved = resolve(raw, variables);
        const postgresEnv = environmentOf(resolved.services.postgres);
        const env = environmentOf(resolved.services['temporal-schema']);
        expect(env.SQL_USER).toBe(postgresEnv.POSTGRES_USER);
        expect(env.SQL_PASSWORD).toBe(postgresEnv.POSTGRES_PASSWORD);
        expect(script()).toContain('-u "$SQL_USER"');
      });
    }
  });

  it('has the admin-tools service create the default namespace, with a retention, before the search attributes', () => {
    const tools = services['temporal-admin-tools'];
    const script = (Array.isArray(tools.command) ? tools.command : [tools.command ?? '']).join('\n');
    const create = script.indexOf('temporal operator namespace create --namespace default --retention ');
    expect(create).toBeGreaterThan(0);
    expect(create).toBeLessThan(script.indexOf('temporal operator search-attribute create'));
    for (const name of ['api', 'worker']) {
      expect(dependenciesOf(services[name])['temporal-admin-tools'], `${name} waits for the namespace`).toBe(
        'service_completed_successfully',
      );
    }
  });

  it('starts services after what they need', () => {
    const edges: Array<[string, string]> = [
      ['api', 'postgres'],
      ['api', 'temporal'],
      ['worker', 'postgres'],
      ['worker', 'temporal'],
      ['temporal', 'postgres'],
      ['temporal-ui', 'temporal'],
      ['temporal-admin-tools', 'temporal'],
    ];
    for (const [from, to] of edges) {
      expect(Object.keys(dependenciesOf(services[from])), `${from} depends on ${to}`).toContain(to);
    }
    expect(dependenciesOf(services.api).postgres).toBe('service_healthy');
    expect(dependenciesOf(services.temporal).postgres).toBe('service_healthy');
    // a one-shot a service waits to complete must not restart forever
    for (const [name, service] of Object.entries(services)) {
      for (const [target, condition] of Object.entries(dependenciesOf(service))) {
        if (condition === 'service_completed_successfully')
          expect(services[target].restart, `${name} waits for ${target} to finish`).toBe('no');
      }
    }
  });

  it('waits for health only on services that have a health check', () => {
    const dockerfileHasHealthcheck = /^\s*HEALTHCHECK\s+(?!NONE)/im.test(read('Dockerfile'));
    let conditions = 0;
    for (const [name, service] of Object.entries(services)) {
      for (const [target, condition] of Object.entries(dependenciesOf(service))) {
        expect(Object.keys(services), `${name} depends on ${target}, which exists`).toContain(target);
        if (condition !== 'service_healthy') continue;
        conditions++;
        const dependency = services[target];
        const own =
          dependency.healthcheck &&
          dependency.healthcheck.disable !== true &&
          dependency.healthcheck.test !== undefined;
        const fromImage =
          buildOf(dependency) !== undefined && dockerfileHasHealthcheck && dependency.healthcheck?.disable !== true;
        expect(own || fromImage, `${name} waits for ${target} to be healthy, so ${target} has a health check`).toBe(
          true,
        );
      }
    }
    expect(conditions).toBeGreaterThan(0);
  });

  it('has the admin-tools service create every search attribute qinglan declares, with its type', () => {
    const declared = declaredSearchAttributes();
    expect(declared.length).toBeGreaterThan(0);
    const tools = services['temporal-admin-tools'];
    // The image's entrypoint only sleeps; a command alone would be passed to it.
    expect(tools.entrypoint).toBeDefined();
    const script = [
      ...words(tools.entrypoint),
      ...(Array.isArray(tools.command) ? tools.command : [tools.command ?? '']),
    ].join('\n');
    const creates = script.split('\n').filter((line) => /temporal\s+operator\s+search-attribute\s+create\b/.test(line));
    expect(creates.length).toBeGreaterThan(0);
    const created = new Map<string, string>();
    for (const line of creates) {
      expect(line, 'create talks to the temporal service').toMatch(/--address\s+temporal:7233\b/);
      for (const m of line.matchAll(/--name\s+(\S+)\s+--type\s+(\S+)/g)) created.set(m[1], m[2]);
    }
    for (const { name, type } of declared) {
      expect(created.get(name), `search attribute ${name}`).toBe(type);
    }
  });

  it('runs the admin-tools service once', () => {
    expect([undefined, 'no', 'on-failure']).toContain(services['temporal-admin-tools'].restart);
  });

  it("fits qinglan's search attributes into the SQL visibility store's columns", () => {
    const declared = declaredSearchAttributes();
    expect(declared.length).toBeGreaterThan(0);
    const perType = new Map<string, number>();
    for (const { type } of declared) perType.set(type, (perType.get(type) ?? 0) + 1);
    for (const [type, count] of perType) {
      expect(Object.keys(SQL_VISIBILITY_COLUMNS), `known type ${type}`).toContain(type);
      expect(count, `${type} search attributes`).toBeLessThanOrEqual(SQL_VISIBILITY_COLUMNS[type]);
    }
  });

  it('declares every named volume it uses, and keeps the database on one', () => {
    const declared = Object.keys(raw.volumes ?? {});
    let used = 0;
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const { source } = namedVolume(volume);
        if (!source) continue;
        used++;
        expect(declared, `${name} uses volume ${source}`).toContain(source);
      }
    }
    expect(used).toBeGreaterThan(0);
    const data = (services.postgres.volumes ?? [])
      .map(namedVolume)
      .find((v) => v.target === '/var/lib/postgresql/data');
    expect(data?.source, 'postgres data on a named volume').toBeTruthy();
  });
});

describe('Dockerfile', () => {
  const file = path.join(root, 'Dockerfile');

  it('exists', () => {
    expect(fs.existsSync(file)).toBe(true);
  });

  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const final = instructions(finalStage(text));

  it('checks the API health with node, which the slim image has', () => {
    const healthchecks = final.filter((line) => /^HEALTHCHECK\s/i.test(line));
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]).not.toMatch(/^HEALTHCHECK\s+NONE\b/i);
    expect(healthchecks[0]).toContain('/api/health');
    expect(healthchecks[0]).toMatch(/\bnode\b/);
    expect(healthchecks[0]).not.toMatch(/\b(curl|wget)\b/);
  });

  it('runs as a user other than root', () => {
    const users = final.filter((line) => /^USER\s/i.test(line));
    expect(users.length).toBeGreaterThan(0);
    const user = users
      .at(-1)!
      .replace(/^USER\s+/i, '')
      .trim();
    expect(['root', '0', 'root:root', '0:0']).not.toContain(user);
  });

  it('runs in production mode, with the console built', () => {
    expect(final.some((line) => /^ENV\s.*\bNODE_ENV=production\b/i.test(line))).toBe(true);
    expect(text).toMatch(/npm run build:admin/);
    expect(final.some((line) => /^COPY\s.*--from=\S+.*admin\/dist/i.test(line))).toBe(true);
  });
});

describe('.dockerignore', () => {
  it('keeps local state and dependencies out of the build context', () => {
    const entries = read('.dockerignore')
      .split('\n')
      .map((line) =>
        line
          .trim()
          .replace(/^\*\*\//, '')
          .replace(/\/$/, ''),
      )
      .filter((line) => line && !line.startsWith('#'));
    for (const entry of ['node_modules', 'data', 'admin/dist', '.git', 'scratch', 'test-results', '.env']) {
      expect(entries, entry).toContain(entry);
    }
  });
});
