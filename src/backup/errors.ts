/**
 * How a backup or restore ends when it does not succeed. The CLI's exit code follows the class:
 * 2 = refused before anything was changed (a bad argument, a target that is not empty, a damaged
 * archive, a backup newer than this code), 1 = failed while working (the target is left as it was:
 * what had been written is removed or rolled back, and the message says so).
 */
export class BackupRefused extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

export class BackupFailed extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'BackupFailed';
  }
}
