import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON } from './ical-parser.ts';

/**
 * An independent Atom parser for tests: Debian's python3-feedparser, run by /usr/bin/python3
 * (the first `python3` on PATH may lack Debian's packages). `.ci/run` installs it.
 */
export function feedparserMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  try {
    execFileSync(PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore' });
    return null;
  } catch {
    return `${PYTHON} lacks the feedparser module: apt-get install -y python3-feedparser`;
  }
}

export interface ParsedEntry {
  id: string;
  title: string;
  link: string;
  language: string | null;
  content: string;
}

const SCRIPT = `
import json, sys
import feedparser
d = feedparser.parse(open(sys.argv[1], 'rb').read())
out = {'bozo': bool(d.bozo), 'error': str(d.get('bozo_exception') or ''), 'version': d.version,
       'title': d.feed.get('title', ''), 'entries': []}
for e in d.entries:
    content = e.get('content') or [{}]
    lang = e.get('title_detail', {}).get('language')
    out['entries'].append({'id': e.get('id', ''), 'title': e.get('title', ''), 'link': e.get('link', ''),
                           'language': lang, 'content': content[0].get('value', '')})
print(json.dumps(out))
`;

/** Parses an Atom document with python3-feedparser; `bozo` is true when it is not well-formed. */
export function parseFeed(text: string): {
  bozo: boolean;
  error: string;
  version: string;
  title: string;
  entries: ParsedEntry[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'atom-'));
  try {
    const file = join(dir, 'feed.atom');
    writeFileSync(file, text);
    return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
