import { z } from 'zod';

/**
 * All configuration comes from environment variables (documented in README.md).
 * Parsed once, validated, and passed down explicitly: no module reads process.env itself.
 */
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(60),
  COOKIE_SECURE: boolish.optional(),
  TRUST_PROXY: boolish.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Second-factor codes a half-signed-in session may try before it is ended. */
  MFA_MAX_ATTEMPTS: z.coerce.number().int().positive().max(100).default(5),
  /** Lifetime of a half-signed-in session (stage 'mfa' or 'enrol'). */
  MFA_STAGE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().positive().default(20),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('EUCAB Platform <no-reply@eucab.invalid>'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Arrays / objects a JSON body may open inside each other (src/server/input-guards.ts). */
  BODY_MAX_DEPTH: z.coerce.number().int().min(1).max(1000).default(64),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1_048_576),
  /** Limits of every uploaded table (CSV, XLSX, JSON): see src/core/table-reader/limits.ts. */
  TABLE_MAX_ROWS: z.coerce.number().int().positive().default(200_000),
  TABLE_MAX_COLUMNS: z.coerce.number().int().positive().default(200),
  TABLE_MAX_CELL_CHARS: z.coerce.number().int().positive().default(32_767),
  TABLE_MAX_PART_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1_048_576),
  TABLE_MAX_UNCOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(512 * 1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default('./web/dist'),
  OCDS_OCID_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}$/, 'an OCDS prefix such as ocds-a1b2c3')
    .default('ocds-eucab0'),
  /** Sanctions lists loaded at start: `[listId=]format:location,…` (see the README). */
  SCREENING_LISTS: z.string().optional(),
});

export type Config = z.infer<typeof schema> & { cookieSecure: boolean; publicUrl: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = (
    c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? '127.0.0.1' : c.HOST}:${c.PORT}`
  ).replace(/\/$/, '');
  return { ...c, publicUrl, cookieSecure: c.COOKIE_SECURE ?? publicUrl.startsWith('https://') };
}
