import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';
import { HttpError } from '../../http/errors.ts';

const HOUR_MS = 3_600_000;

/** The key of one calendar link: a hash of its secret (the secret itself is never kept). */
function linkKey(req: FastifyRequest): string {
  const file = (req.params as { file?: unknown }).file;
  const secret = typeof file === 'string' ? file : req.url;
  return `calendar-feed:${createHash('sha256').update(secret).digest('hex')}`;
}

/**
 * The rate limit of the calendar feed, per link (not per client address: calendar services fetch
 * many people's links from a few addresses): `RATE_LIMIT_CALENDAR_FEED_PER_HOUR` requests an
 * hour, then 429 with Retry-After (seconds) and a sentence saying when to try again.
 */
export function calendarFeedRateLimit(config: Pick<Config, 'RATE_LIMIT_CALENDAR_FEED_PER_HOUR'>) {
  const max = config.RATE_LIMIT_CALENDAR_FEED_PER_HOUR;
  return {
    rateLimit: {
      max,
      timeWindow: HOUR_MS,
      keyGenerator: linkKey,
      errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) =>
        new HttpError(
          429,
          'Too many requests',
          `This calendar link was read more than ${max} times in the last hour. Let your calendar application refresh it at most every few minutes; try again in ${Math.max(1, Math.ceil(ctx.ttl / 1000))} seconds.`,
        ),
    },
  };
}
