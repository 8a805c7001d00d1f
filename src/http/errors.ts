import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** One error shape for the whole API: RFC 9457 problem+json, with a message a person can act on. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: { field: string; message: string }[]) =>
  new HttpError(400, 'Bad request', detail, errors);
export const unauthorized = (detail = 'Sign in to continue.') => new HttpError(401, 'Unauthorized', detail);
export const forbidden = (detail = 'You are not allowed to do this.') =>
  new HttpError(403, 'Forbidden', detail);
export const notFound = (detail = 'Not found, or you are not allowed to see it.') =>
  new HttpError(404, 'Not found', detail);
export const conflict = (detail: string) => new HttpError(409, 'Conflict', detail);

function problem(status: number, title: string, detail: string, errors?: Problem['errors']): Problem {
  return { type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) };
}

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
}

function fromPostgres(e: PgError): Problem | null {
  switch (e.code) {
    case 'EUCAB_QUERY_CANCELLED': // src/db/query-context.ts: the request was cancelled or timed out
    case '57014': // query_canceled: cancelled on the server for the same reasons
      return problem(
        503,
        'Service unavailable',
        'The request took too long and was stopped: try again in a few seconds, or narrow it down.',
      );
    case '23505':
      return problem(409, 'Conflict', `This already exists${e.constraint ? ` (${e.constraint})` : ''}.`);
    case '23503':
      return problem(400, 'Bad request', 'A referenced record does not exist.');
    case '23514':
      return problem(
        400,
        'Bad request',
        `A value breaks a rule of the data model${e.constraint ? ` (${e.constraint})` : ''}.`,
      );
    case '22P02':
    case '22007':
    case '22008':
      return problem(400, 'Bad request', 'A value has the wrong format.');
    default:
      return null;
  }
}

export function toProblem(err: unknown): Problem {
  if (err instanceof HttpError) return problem(err.status, err.title, err.message, err.errors);
  const fe = err as FastifyError & PgError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const errors = fe.validation.map((v) => ({
      field: [
        fe.validationContext,
        ...String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ].join('.'),
      message: v.message ?? 'is invalid',
    }));
    return problem(
      400,
      'Bad request',
      `The request is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      errors,
    );
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'Payload too large', 'The request body is larger than this endpoint accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(
        415,
        'Unsupported media type',
        'Send JSON (Content-Type: application/json) or the documented upload type.',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'Bad request', 'The request body is not valid JSON.');
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return problem(
        403,
        'Forbidden',
        'The form expired or the request lacks a valid CSRF token: reload the page and try again.',
      );
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return problem(413, 'Payload too large', 'The uploaded file is larger than allowed.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return problem(415, 'Unsupported media type', 'Upload the file as multipart/form-data.');
  }
  const pgp = fromPostgres(fe);
  if (pgp) return pgp;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return problem(fe.statusCode, fe.statusCode === 429 ? 'Too many requests' : 'Bad request', fe.message);
  }
  return problem(500, 'Internal error', 'Something went wrong on our side; it has been logged.');
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type('application/problem+json').send(p);
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const p = toProblem(err);
  if (p.status === 503) {
    if (!reply.hasHeader('retry-after')) reply.header('retry-after', '2');
  } else if (p.status >= 500) req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, p);
}
