import path from 'node:path';
import { z } from 'zod';
import { parseCidrList } from './core/net/addresses.js';

/**
 * Which proxies may tell the client's address (X-Forwarded-For), as Fastify's trustProxy takes it:
 * a hop count, or the proxies' addresses and CIDR blocks. Trusting every hop (`true` in Fastify)
 * would let a client name any address it likes, so `true` means one hop: the proxy in front.
 */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | number | string[] {
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === '0' || text === '') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  const { blocks, invalid } = parseCidrList(text);
  if (invalid.length > 0 || blocks.length === 0) {
    ctx.addIssue({ code: 'custom', message: `must be false, a hop count, or a comma list of proxy addresses/CIDR blocks (not ${invalid.join(', ') || 'empty'})` });
    return z.NEVER;
  }
  return text.split(',').map((item) => item.trim()).filter(Boolean);
}

/**
 * Configuration comes only from the environment, validated once at start so that a bad value
 * stops the process with a message naming it, instead of failing later in a request.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  // Failed sign-ins per account, and failed attempts at a secret per client address, in 15 minutes.
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  FEED_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  // /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it is off (404).
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 24`)').optional(),
  // Scales the per-user limits on creating things (src/http/creation-limits.ts); 0 turns them off.
  CREATION_LIMIT_FACTOR: z.coerce.number().min(0).max(1000).default(1),
  PUBLIC_URL: z.string().url('must be an absolute URL such as https://calendar.example.org').optional(),
  ADMIN_EMAIL: z.string().email('must be an e-mail address').default('admin@kalendaryo.local'),
  CALENDAR_CACHE_ITEMS: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  NODE_ENV: z.string().optional(),
  // Notifications (docs/notifications.md). No SMTP_URL: e-mail is kept in the in-app mail outbox.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Kalendaryo <kalendaryo@localhost>'),
  VAPID_PUBLIC_KEY: z.string().min(20).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https:// URL').default('mailto:admin@kalendaryo.local'),
  // Addresses and CIDR blocks that user-given URLs may reach although they are not public (src/net/guarded-fetch.ts).
  OUTBOUND_ALLOW: z.string().default('').refine((v) => parseCidrList(v).invalid.length === 0, 'must be a comma list of addresses and CIDR blocks, like 10.20.0.0/16'),
  SMS_URL: z.string().url('must be the provider\'s absolute URL').optional(),
  SMS_API_KEY: z.string().min(1).optional(),
  WORKER: z.enum(['inline', 'off']).default('inline'),
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  WORKER_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
}).refine((c) => c.NODE_ENV !== 'production' || c.SECRET_KEY !== undefined, {
  // In production the signing key is the operator's, the same on every instance, never one the
  // database keeps (features/setup/signing-key.ts).
  path: ['SECRET_KEY'],
  message: 'is required when NODE_ENV=production (e.g. `openssl rand -base64 48`): it signs RSVP links and QR codes on every app instance',
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

/** Where people reach this server (links in e-mails, feed URLs): PUBLIC_URL, else this machine. */
export const publicUrlOf = (config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string =>
  (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in ConfigSchema.shape && value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const value = present[String(issue.path[0])];
        return `${issue.path.join('.')}${value === undefined ? ' (unset)' : `=${JSON.stringify(value)}`}: ${issue.message}`;
      }),
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
