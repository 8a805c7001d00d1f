import { CHECKPOINT_FILE } from '../audit/checkpoint.ts';
import { LOCK_FILE } from '../db/data-dir-lock.ts';

/**
 * The files the platform itself keeps in DATA_DIR beside the database, and which a backup carries
 * (for both engines: with PostgreSQL, DATA_DIR still holds them):
 * - the audit checkpoint, when AUDIT_CHECKPOINT_FILE is not set (set, it lives elsewhere on
 *   purpose — an anchor outside the reach of whoever restores — and is neither saved nor replaced);
 * - the demo data set's sign-in sheets (written by `serve --demo`).
 * Uploaded files (attachments, job input files) are not files on disk: they are kept in the
 * database (attachments.content, job_files.bytes) and travel with it.
 */
export const DEMO_SIGN_INS_FILE = 'demo-sign-ins.txt';
export const DEMO_TOTP_FILE = 'demo-totp-secrets.txt';
export const DATA_FOLDER_FILES = [CHECKPOINT_FILE, DEMO_SIGN_INS_FILE, DEMO_TOTP_FILE] as const;
/** src/cli/control-socket.ts's CONTROL_SOCKET (not imported: that module imports the CLI commands). */
const CONTROL_SOCKET = 'eucab-control.sock';

/**
 * Whether a top-level entry of an embedded data folder belongs to the platform rather than to
 * PostgreSQL: the lock and its takeover/temporary files, the control socket, the files above and
 * their temporary copies, and PGlite's postmaster.pid (meaningless in another process). The
 * database part of a PGlite backup leaves them out; a restore never unpacks them from it.
 */
export function isPlatformEntry(topLevelName: string): boolean {
  const n = topLevelName.replace(/^\/+/, '').split('/')[0] ?? '';
  if (n === LOCK_FILE || n.startsWith(`${LOCK_FILE}.`)) return true;
  if (n === CONTROL_SOCKET || n === 'postmaster.pid') return true;
  return DATA_FOLDER_FILES.some((f) => n === f || n.startsWith(`${f}.`));
}
