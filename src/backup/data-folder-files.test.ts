import { describe, expect, it } from 'vitest';
import { CHECKPOINT_FILE } from '../audit/checkpoint.ts';
import { CONTROL_SOCKET } from '../cli/control-socket.ts';
import { LOCK_FILE } from '../db/data-dir-lock.ts';
import { DATA_FOLDER_FILES, isPlatformEntry } from './data-folder-files.ts';

describe("the platform's files in DATA_DIR", () => {
  it('tells them apart from PostgreSQL’s own files', () => {
    for (const n of [
      LOCK_FILE,
      `${LOCK_FILE}.takeover`,
      `${LOCK_FILE}.123.abc.tmp`,
      CONTROL_SOCKET,
      `/${CONTROL_SOCKET}`,
      'postmaster.pid',
      ...DATA_FOLDER_FILES,
      `${CHECKPOINT_FILE}.4242.tmp`,
    ])
      expect(isPlatformEntry(n), n).toBe(true);
    for (const n of [
      'PG_VERSION',
      '/PG_VERSION',
      'base',
      'base/1/1247',
      'global/pg_control',
      'pg_wal',
      'postgresql.conf',
    ])
      expect(isPlatformEntry(n), n).toBe(false);
  });
});
