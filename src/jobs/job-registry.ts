import { declareJobKindReaders } from '../access/job-policy.ts';
import type { JobKind } from './job-types.ts';

const kinds = new Map<string, JobKind<unknown, unknown>>();

/** Declares a job kind (checks its name); a module lists it in its manifest (src/modules/index.ts). */
export function defineJobKind<D, R>(kind: JobKind<D, R>): JobKind<D, R> {
  if (!/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/.test(kind.kind))
    throw new Error(`Job kind name ${kind.kind} must be lower-case words separated by dots.`);
  return kind;
}

/**
 * Makes a job kind known to this process: the runtime registers the kinds of every module's
 * manifest before the queue starts (a process only runs the kinds it knows); tests may register
 * their own. Registering the same name twice with another definition is a bug.
 */
export function registerJobKind<D, R>(kind: JobKind<D, R>): JobKind<D, R> {
  defineJobKind(kind);
  const prev = kinds.get(kind.kind);
  if (prev && prev !== (kind as unknown as JobKind<unknown, unknown>))
    throw new Error(`Job kind ${kind.kind} is registered twice.`);
  kinds.set(kind.kind, kind as unknown as JobKind<unknown, unknown>);
  declareJobKindReaders(kind.kind, kind.readableBy);
  return kind;
}

export function getJobKind(name: string): JobKind<unknown, unknown> | undefined {
  return kinds.get(name);
}

export function registeredJobKinds(): string[] {
  return [...kinds.keys()];
}
