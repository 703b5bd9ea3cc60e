import { describe, expect, it } from 'vitest';
import { LineUnfolder, unfoldAll, unfoldChunks, type LogicalLine } from './unfold.js';

const texts = (lines: LogicalLine[]) => lines.map((l) => l.text);

describe('unfolding content lines', () => {
  it('joins a fold that splits a multi-byte UTF-8 character (octets before decoding)', () => {
    const word = Buffer.from('SUMMARY:Eid – عيد', 'utf8');
    const cut = word.indexOf(Buffer.from('ع', 'utf8')) + 1; // inside the two-byte letter
    const file = Buffer.concat([word.subarray(0, cut), Buffer.from('\r\n '), word.subarray(cut), Buffer.from('\r\n')]);
    expect(texts(unfoldAll(file))).toEqual(['SUMMARY:Eid – عيد']);
  });

  it('accepts CRLF, bare LF and a mix, tab folds, and skips a BOM and blank lines', () => {
    const file = '\uFEFFBEGIN:VCALENDAR\r\nSUMMARY:a\n\tb\r\n c\n\r\nEND:VCALENDAR';
    const lines = unfoldAll(file);
    expect(texts(lines)).toEqual(['BEGIN:VCALENDAR', 'SUMMARY:abc', 'END:VCALENDAR']);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 6]);
  });

  it('removes exactly one whitespace character per fold', () => {
    expect(texts(unfoldAll('DESCRIPTION:a\r\n  b\r\n'))).toEqual(['DESCRIPTION:a b']);
  });

  it('gives the same lines whatever the chunk boundaries (random splits against one whole read)', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `DESCRIPTION:línea ${i} – ${'ü'.repeat(i % 7)}عيد`).join('\r\n');
    const folded = Buffer.from(`\uFEFF${body}`.replace(/(.{9})/gu, '$1\r\n '), 'utf8');
    const whole = unfoldAll(folded);
    for (let trial = 0; trial < 50; trial++) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < folded.length; ) {
        const size = 1 + Math.floor(Math.random() * 12);
        chunks.push(folded.subarray(at, at + size));
        at += size;
      }
      const got: LogicalLine[] = [];
      for await (const l of unfoldChunks(chunks)) got.push(l);
      expect(got).toEqual(whole);
    }
  });

  it('refuses a content line over the length limit at its first line instead of growing without end', () => {
    const u = new LineUnfolder({ maxBytes: 1e9, maxLineBytes: 100, maxComponents: 10, maxDepth: 4 });
    const push = () => u.push(Buffer.from(`A:b\r\nDESCRIPTION:${'x'.repeat(200)}`), () => {});
    expect(push).toThrow(expect.objectContaining({ line: 2 }));
  });

  it('refuses a file over the size limit', () => {
    const u = new LineUnfolder({ maxBytes: 10, maxLineBytes: 100, maxComponents: 10, maxDepth: 4 });
    expect(() => u.push(Buffer.from('BEGIN:VCALENDAR\r\n'), () => {})).toThrow(/larger than the limit/);
  });
});
