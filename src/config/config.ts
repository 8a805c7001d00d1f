import { z } from 'zod';
import { ListConfigError, parseListsConfig } from './screening-lists.ts';

/**
 * All configuration comes from environment variables (documented in README.md).
 * Parsed once, validated, and passed down explicitly: no module reads process.env itself.
 *
 * Every variable is checked at start for what the code really accepts: whole numbers where the
 * code needs them (ports, counts, bytes), decimals where a fraction makes sense (durations: a
 * session of 1.5 hours), URLs with the schemes the code can use, and the words of each choice.
 * A wrong value stops the start with one line per variable that names it, says what is wrong
 * with the value and gives an example. An empty value counts as unset.
 */

/** A whole number from min to max (written with digits only: no fraction, no exponent, no hex). */
function int(min: number, max: number, what = 'a whole number') {
  const range = `from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, `must be ${what} ${range}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

/** A decimal number (a fraction allowed: 1.5) from min to max. */
function decimal(min: number, max: number, what: string) {
  return z
    .string()
    .trim()
    .regex(/^-?(\d+(\.\d*)?|\.\d+)$/, `must be ${what} (a decimal number such as 1.5)`)
    .transform(Number)
    .pipe(
      z.number().min(min, `must be at least ${min} (${what})`).max(max, `must be at most ${max} (${what})`),
    );
}

const BOOL_WORDS = ['true', 'false', '1', '0', 'yes', 'no'] as const;
function boolish() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(BOOL_WORDS, { error: `must be one of ${BOOL_WORDS.join(', ')}` }))
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** A URL with one of the schemes (and a host unless `hostOptional`). */
function url(schemes: string[], opts: { hostOptional?: boolean; noQuery?: boolean } = {}) {
  const names = schemes.map((s) => `${s}//`).join(' or ');
  return z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: `is not a URL: it must start with ${names}` });
        return;
      }
      if (!schemes.includes(u.protocol))
        ctx.addIssue({ code: 'custom', message: `must start with ${names} (not ${u.protocol}//)` });
      else if (!opts.hostOptional && !u.hostname)
        ctx.addIssue({ code: 'custom', message: 'has no host name' });
      else if (opts.noQuery && (u.search || u.hash))
        ctx.addIssue({ code: 'custom', message: 'must not have a query (?…) or a fragment (#…)' });
    });
}

/** The variables (their examples, for the messages, are in EXAMPLES below). */
const vars = {
  NODE_ENV: oneOf(['development', 'production', 'test']).default('development'),
  HOST: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or IP address to listen on (no scheme, no port)')
    .default('127.0.0.1'),
  PORT: int(0, 65_535, 'a port number').default(3000),
  PUBLIC_URL: url(['http:', 'https:'], { noQuery: true }).optional(),
  /** postgres://user:password@host:5432/database (or postgres:///database?host=/run/postgresql). */
  DATABASE_URL: url(['postgres:', 'postgresql:'], { hostOptional: true }).optional(),
  DATA_DIR: z.string().default('./data'),
  /** Hours; a fraction is fine (1.5 = 90 minutes): sessions.ts and cookies.ts work in ms / s. */
  SESSION_TTL_HOURS: decimal(0.1, 24 * 30, 'hours').default(8),
  /** Minutes; at least 2, as the idle timer of a session is refreshed at most once a minute. */
  SESSION_IDLE_MINUTES: decimal(2, 24 * 60, 'minutes').default(60),
  COOKIE_SECURE: boolish().optional(),
  TRUST_PROXY: boolish().default(false),
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_LOCK_MINUTES: decimal(0.1, 365 * 24 * 60, 'minutes').default(15),
  /** Second-factor codes a half-signed-in session may try before it is ended. */
  MFA_MAX_ATTEMPTS: int(1, 100).default(5),
  /** Lifetime of a half-signed-in session (stage 'mfa' or 'enrol'), in minutes. */
  MFA_STAGE_MINUTES: decimal(1, 24 * 60, 'minutes').default(10),
  RATE_LIMIT_LOGIN_PER_MINUTE: int(1, 1_000_000).default(20),
  /** Requests one calendar link (ICS feed) may make per hour; more answer 429 with Retry-After. */
  RATE_LIMIT_CALENDAR_FEED_PER_HOUR: int(1, 1_000_000).default(60),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/,
      'must be an e-mail address, optionally as "Name <address>"',
    )
    .default('EUCAB Platform <no-reply@eucab.invalid>'),
  BODY_LIMIT_BYTES: int(1024, 1024 ** 3, 'a number of bytes').default(1_048_576),
  /** Arrays / objects a JSON body may open inside each other (src/http/input-guards.ts). */
  BODY_MAX_DEPTH: int(1, 1000).default(64),
  UPLOAD_LIMIT_BYTES: int(1024, 16 * 1024 ** 3, 'a number of bytes').default(20 * 1_048_576),
  /** API requests served at once; more wait in line (src/http/request-limits.ts). */
  REQUEST_MAX_ACTIVE: int(1, 10_000).default(16),
  /** API requests that may wait in line; one more gets 503 with Retry-After. */
  REQUEST_QUEUE_MAX: int(0, 1_000_000).default(256),
  /** Seconds an API request may take, waiting included; then its database work stops (503). */
  REQUEST_TIMEOUT_SECONDS: decimal(0.1, 3600, 'seconds').default(60),
  /** Registry lists count exactly up to this many readable records; beyond, "about N" (src/registry/list-summary.ts). */
  REGISTRY_EXACT_TOTAL_LIMIT: int(1, 10_000_000).default(10_000),
  /** GET /api/health/load: active requests and queries (for the load benchmark; never in production). */
  LOAD_PROBE: boolish().default(false),
  /** Limits of every uploaded table (CSV, XLSX, JSON): see src/core/table-reader/limits.ts. */
  TABLE_MAX_ROWS: int(1, 100_000_000).default(200_000),
  TABLE_MAX_COLUMNS: int(1, 100_000).default(200),
  TABLE_MAX_CELL_CHARS: int(1, 100_000_000).default(32_767),
  TABLE_MAX_PART_BYTES: int(1024, 16 * 1024 ** 3, 'a number of bytes').default(256 * 1_048_576),
  TABLE_MAX_UNCOMPRESSED_BYTES: int(1024, 64 * 1024 ** 3, 'a number of bytes').default(512 * 1_048_576),
  /** Days a notification is kept (src/modules/privacy/retention.ts). */
  RETENTION_NOTIFICATIONS_DAYS: int(1, 36_500).default(365),
  /** Days the uploaded file of a finished job is kept (the job itself stays). */
  RETENTION_JOB_FILES_DAYS: int(1, 36_500).default(30),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The level of the one line logged per answered request (method, path, status, time). `debug`
   * (the default) keeps it out of an `info` log, where warnings and errors would drown in
   * thousands of lines; set `info` where an access log is wanted (production behind a log store).
   */
  REQUEST_LOG_LEVEL: oneOf(['info', 'debug', 'trace']).default('debug'),
  WEB_DIST: z.string().default('./web/dist'),
  OCDS_OCID_PREFIX: z
    .string()
    .trim()
    .regex(/^ocds-[a-z0-9]{6}$/, 'must be an OCDS prefix: "ocds-" and 6 lower-case letters or digits')
    .default('ocds-eucab0'),
  /** Where the audit checkpoint is written (src/audit/checkpoint.ts); unset: DATA_DIR/audit-checkpoint.json. */
  AUDIT_CHECKPOINT_FILE: z.string().trim().optional(),
  /** Key of the checkpoints' HMAC. Any value is accepted, so that it never appears in a message. */
  AUDIT_CHECKPOINT_SECRET: z.string().optional(),
  /** Minutes between two audit checkpoints of a running server (when there are new events). */
  AUDIT_CHECKPOINT_MINUTES: decimal(0.1, 24 * 60, 'minutes').default(5),
  /** Sanctions lists loaded at start: `[listId=]format:location,…` (see the README). */
  SCREENING_LISTS: z
    .string()
    .superRefine((v, ctx) => {
      try {
        parseListsConfig(v);
      } catch (e) {
        if (!(e instanceof ListConfigError)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message.replace(/^SCREENING_LISTS /, '') });
      }
    })
    .optional(),
};

/** An example of a good value of each variable, quoted in the messages. */
const EXAMPLES: Record<keyof typeof vars, string> = {
  NODE_ENV: 'production',
  HOST: '0.0.0.0',
  PORT: '3000',
  PUBLIC_URL: 'https://eucab.example.eu',
  DATABASE_URL: 'postgres://eucab@db.internal/eucab',
  DATA_DIR: '/var/lib/eucab',
  SESSION_TTL_HOURS: '8 (or 1.5 for 90 minutes)',
  SESSION_IDLE_MINUTES: '60',
  COOKIE_SECURE: 'true',
  TRUST_PROXY: 'true',
  LOGIN_MAX_FAILURES: '5',
  LOGIN_LOCK_MINUTES: '15',
  MFA_MAX_ATTEMPTS: '5',
  MFA_STAGE_MINUTES: '10',
  RATE_LIMIT_LOGIN_PER_MINUTE: '20',
  RATE_LIMIT_CALENDAR_FEED_PER_HOUR: '60',
  SMTP_URL: 'smtp://user:password@relay.example.eu:587',
  MAIL_FROM: '"EUCAB Platform <no-reply@eucab.example.eu>"',
  BODY_LIMIT_BYTES: '1048576',
  BODY_MAX_DEPTH: '64',
  UPLOAD_LIMIT_BYTES: '20971520',
  REQUEST_MAX_ACTIVE: '16',
  REQUEST_QUEUE_MAX: '256',
  REQUEST_TIMEOUT_SECONDS: '60',
  REGISTRY_EXACT_TOTAL_LIMIT: '10000',
  LOAD_PROBE: 'false',
  TABLE_MAX_ROWS: '200000',
  TABLE_MAX_COLUMNS: '200',
  TABLE_MAX_CELL_CHARS: '32767',
  TABLE_MAX_PART_BYTES: '268435456',
  TABLE_MAX_UNCOMPRESSED_BYTES: '536870912',
  RETENTION_NOTIFICATIONS_DAYS: '365',
  RETENTION_JOB_FILES_DAYS: '30',
  LOG_LEVEL: 'info',
  REQUEST_LOG_LEVEL: 'info',
  WEB_DIST: './web/dist',
  OCDS_OCID_PREFIX: 'ocds-a1b2c3',
  AUDIT_CHECKPOINT_FILE: '/var/lib/eucab-audit/checkpoint.json',
  AUDIT_CHECKPOINT_SECRET: '(32 or more random characters)',
  AUDIT_CHECKPOINT_MINUTES: '5',
  SCREENING_LISTS: 'un:https://scsanctions.un.org/resources/xml/en/consolidated.xml',
};

const schema = z.object(vars);

export type Config = z.infer<typeof schema> & { cookieSecure: boolean; publicUrl: string };

export class ConfigError extends Error {}

/** The value as it may be shown in a message: the password of a URL is masked, long values cut. */
function shown(value: string): string {
  const masked = value.replace(/:[^:/@\s]*@/g, ':***@');
  return JSON.stringify(masked.length > 120 ? `${masked.slice(0, 120)}…` : masked);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value counts as unset (VAR= in an env file, or an empty CI variable).
  const given: Record<string, string> = {};
  for (const key of Object.keys(vars)) {
    const v = env[key];
    if (v !== undefined && v.trim() !== '') given[key] = v;
  }
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return `  ${name}=${shown(given[name] ?? '')}: ${i.message}; e.g. ${name}=${EXAMPLES[name as keyof typeof vars]}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = (
    c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? '127.0.0.1' : c.HOST}:${c.PORT}`
  ).replace(/\/$/, '');
  return { ...c, publicUrl, cookieSecure: c.COOKIE_SECURE ?? publicUrl.startsWith('https://') };
}
