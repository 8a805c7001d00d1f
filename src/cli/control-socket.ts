import { chmodSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { relative, resolve } from 'node:path';
import { type CommandResult, isServerCommand, type ServerCommand } from './db-commands.ts';

/**
 * The control socket of a server on the embedded database: a Unix domain socket in the data
 * folder through which the CLI asks the server (the one process that may open the folder, see
 * src/db/data-dir-lock.ts) to run a database command in its own process — e.g. `verify-audit`
 * on a live system. Newline-delimited JSON: one request {command, args} → one answer
 * {stdout, stderr, code}. Only the commands of db-commands.ts are accepted.
 *
 * Who may use it: whoever may open files in the data folder (the socket is mode 0600 in a folder
 * created 0700) — the same people who could read the database files directly, as with
 * PostgreSQL's local socket.
 */
export const CONTROL_SOCKET = 'eucab-control.sock';
const MAX_REQUEST_BYTES = 64 * 1024;

/** The path to bind or connect to: absolute, or relative to the working folder when that is
 *  shorter (a Unix socket path may have at most 107 bytes). */
function socketAddress(dir: string): string {
  const abs = resolve(dir, CONTROL_SOCKET);
  const rel = relative(process.cwd(), abs);
  return abs.length > 100 && rel.length < abs.length ? rel : abs;
}

export interface ControlSocket {
  readonly path: string;
  close(): Promise<void>;
}

export async function startControlSocket(
  dir: string,
  run: (command: ServerCommand, args: string[]) => Promise<CommandResult>,
): Promise<ControlSocket> {
  const abs = resolve(dir, CONTROL_SOCKET);
  // We hold the folder's lock: a socket file here was left by a holder that died.
  try {
    unlinkSync(abs);
  } catch {}
  const open = new Set<Socket>();
  const server = createServer((sock) => {
    open.add(sock);
    sock.on('close', () => open.delete(sock));
    sock.on('error', () => sock.destroy());
    let buf = '';
    let handled = false;
    const answer = (r: CommandResult) => {
      if (!sock.destroyed) sock.end(`${JSON.stringify(r)}\n`);
    };
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      if (handled) return;
      buf += chunk;
      if (buf.length > MAX_REQUEST_BYTES) {
        handled = true;
        answer({ stdout: '', stderr: 'Request too large.', code: 2 });
        return;
      }
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      handled = true;
      let req: { command?: unknown; args?: unknown };
      try {
        req = JSON.parse(buf.slice(0, nl));
      } catch {
        answer({ stdout: '', stderr: 'Malformed request.', code: 2 });
        return;
      }
      const { command, args } = req;
      if (
        typeof command !== 'string' ||
        !isServerCommand(command) ||
        !Array.isArray(args) ||
        !args.every((a) => typeof a === 'string')
      ) {
        answer({
          stdout: '',
          stderr: `The running server does not run "${String(command)}" for the CLI.`,
          code: 2,
        });
        return;
      }
      run(command, args).then(answer, (e: unknown) =>
        answer({ stdout: '', stderr: `The server failed: ${(e as Error).message}`, code: 1 }),
      );
    });
  });
  const path = socketAddress(dir);
  const umask = process.umask(0o177); // the socket is created 0600, no window with wider rights
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(path, () => {
        server.off('error', fail);
        ok();
      });
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(abs, 0o600);
  const removeFile = () => {
    try {
      unlinkSync(abs);
    } catch {}
  };
  process.on('exit', removeFile);
  return {
    path: abs,
    close: () =>
      new Promise<void>((ok) => {
        process.off('exit', removeFile);
        for (const s of open) s.destroy();
        server.close(() => {
          removeFile();
          ok();
        });
      }),
  };
}

/**
 * Asks the server holding `dir` to run a command. Rejects with the connection error
 * (code ENOENT or ECONNREFUSED) when no server listens there.
 */
export function askRunningServer(
  dir: string,
  command: ServerCommand,
  args: string[],
): Promise<CommandResult> {
  return new Promise((ok, fail) => {
    const sock = connect(socketAddress(dir));
    let buf = '';
    let done = false;
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write(`${JSON.stringify({ command, args })}\n`));
    sock.on('data', (chunk: string) => {
      buf += chunk;
    });
    sock.on('error', (e) => {
      done = true;
      fail(e);
    });
    sock.on('close', () => {
      if (done) return;
      done = true;
      try {
        const r = JSON.parse(buf.trim()) as CommandResult;
        ok({ stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), code: Number(r.code ?? 1) });
      } catch {
        fail(new Error('The running server closed the control connection without an answer.'));
      }
    });
  });
}
