import { describe, expect, it } from 'vitest';
import { attachmentProblem, safeFilename } from './attachment-types.ts';
import { neutraliseCell } from './export-safety.ts';

describe('neutraliseCell', () => {
  it('prefixes cells that a spreadsheet would execute', () => {
    for (const v of ['=1+1', '+CMD', '-2+3', '@SUM(A1)', '\t=x', '\r=x'])
      expect(neutraliseCell(v)).toBe(`'${v}`);
  });
  it('leaves ordinary values alone', () => {
    expect(neutraliseCell('Rotterdam')).toBe('Rotterdam');
    expect(neutraliseCell(12)).toBe('12');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('attachments', () => {
  it('checks type, extension and content', () => {
    expect(attachmentProblem('a.pdf', 'application/pdf', Buffer.from('%PDF-1.7'))).toBeNull();
    expect(attachmentProblem('a.pdf', 'application/pdf', Buffer.from('<html>'))).toMatch(/not a PDF/);
    expect(attachmentProblem('a.png', 'application/pdf', Buffer.from('%PDF'))).toMatch(/does not match/);
    expect(attachmentProblem('a.svg', 'image/svg+xml', Buffer.from('<svg/>'))).toMatch(/not accepted/);
    expect(attachmentProblem('a.txt', 'text/plain', Buffer.from([0x41, 0, 0x42]))).toMatch(/binary/);
    expect(attachmentProblem('a.txt', 'text/plain', Buffer.alloc(0))).toMatch(/empty/);
  });
  it('strips paths and odd characters from file names', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\x\\Bericht "final".pdf')).toBe('Bericht _final_.pdf');
  });
});
