import type { FastifyInstance } from 'fastify';

/**
 * One structured line per answered request — method, path (the request serializer hides secrets
 * in it), status, response time — at `level` (REQUEST_LOG_LEVEL, `debug` by default, so an `info`
 * log shows what matters: warnings, errors and the platform's own events). Answers the server
 * failed on are logged at `error` by the error handler whatever this level.
 */
export function logRequests(app: FastifyInstance, level: 'info' | 'debug' | 'trace'): void {
  app.addHook('onResponse', async (req, reply) => {
    req.log[level](
      { req, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
      'request completed',
    );
  });
}
