import { describe, expect, it } from 'vitest';
import { attachmentProblem, safeFilename } from './attachment-types.ts';
import { neutraliseCell } from './export-safety.ts';

describe('neutraliseCell', () => {
  it('prefixes cells that a spreadsheet would execute', () => {
    for (const v of ['=1+1', '+CMD', '-2+3', '@SUM(A1)', '\t=x', '\r=x'])
      expect(neutraliseCell(v)).toBe(`'${v}`);
  });
  it('prefixes cells that begin with a look-alike of = + - @ a spreadsheet may normalise', () => {
    const lookAlikes = [
      '\uFF1D', // fullwidth equals ＝
      '\uFF0B', // fullwidth plus ＋
      '\uFF0D', // fullwidth hyphen-minus －
      '\uFF20', // fullwidth commercial at ＠
      '\u2212', // minus sign −
      '\uFE62', // small plus ﹢
      '\uFE63', // small hyphen-minus ﹣
      '\uFE66', // small equals ﹦
      '\uFE6B', // small commercial at ﹫
      '\u207A', // superscript plus ⁺
      '\u207B', // superscript minus ⁻
      '\u208A', // subscript plus ₊
      '\u208B', // subscript minus ₋
      '\u2796', // heavy minus ➖
    ];
    for (const c of lookAlikes) {
      const v = `${c}HYPERLINK("http://evil.example","x")`;
      expect(neutraliseCell(v), `U+${c.codePointAt(0)!.toString(16)}`).toBe(`'${v}`);
    }
    expect(neutraliseCell('\uFF1D1+1')).toBe("'\uFF1D1+1");
  });
  it('leaves ordinary values alone, including ones that only contain a look-alike later', () => {
    expect(neutraliseCell('A\uFF1D1')).toBe('A\uFF1D1');
    expect(neutraliseCell('\uFF21BC')).toBe('\uFF21BC'); // fullwidth A: normalises, but not to a formula start
    expect(neutraliseCell('\u{1F600} smile')).toBe('\u{1F600} smile'); // astral first character
    expect(neutraliseCell('')).toBe('');

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
