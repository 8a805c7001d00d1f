import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

type Level = 'info' | 'debug' | 'trace';

/**
 * Fastify's request log, one line per answered request — method, path (the request serializer
 * hides secrets in it), status, response time — at `level` (REQUEST_LOG_LEVEL, `debug` by
 * default), instead of two `info` lines (incoming, completed) per request: an `info` log then
 * shows what matters, warnings, errors and the platform's own events. A request that failed in
 * the server is logged at `error` whatever the level.
 */
export class RequestLogController extends LogController {
  readonly #level: Level;

  constructor(level: Level) {
    super();
    this.#level = level;
  }

  override incomingRequest(): void {
    // Nothing: the completed line carries the request.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      request.log.error(
        { req: request, res: reply, err: error, responseTime: reply.elapsedTime },
        'request errored',
      );
      return;
    }
    request.log[this.#level](
      { req: request, res: reply, responseTime: reply.elapsedTime },
      'request completed',
    );
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log[this.#level]({ req: request }, 'route not found');
  }
}
