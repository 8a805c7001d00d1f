/** The upload-and-job module: durable background jobs with progress, cancel and line/column/reason errors. */

export { defineJobKind, getJobKind, registerJobKind } from './job-registry.ts';
export { createJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner.ts';
export {
  cancelJob,
  type EnqueueInput,
  enqueueJob,
  enqueueJobInTransaction,
  getJob,
  type JobView,
  kickJobRunners,
  listJobs,
} from './job-service.ts';
export type { JobContext, JobError, JobKind, JobProgress, JobState } from './job-types.ts';
export { JobCancelledError, JobFailedError, JobInterruptedError } from './job-types.ts';
export { type RunInWorkerOptions, runInWorker } from './worker-thread.ts';
