import { DEFAULT_LIMITS, IcsError, type IcsLimits } from './errors.js';

/** One unfolded content line and the physical line it starts on (1-based). */
export interface LogicalLine {
  readonly line: number;
  readonly text: string;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Turns octet chunks into unfolded content lines (RFC 5545 §3.1). It works on bytes and decodes
 * UTF-8 only once a logical line is complete, because producers fold at 75 octets and may split a
 * multi-byte character across the fold; decoding each physical line first would corrupt it.
 * Accepts CRLF, bare LF and a mix; skips a leading BOM; skips blank lines. Holds at most one
 * logical line, so memory does not grow with the file.
 */
export class LineUnfolder {
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private startLine = 0;
  private physicalLine = 0;
  private atLineStart = true;
  private head: Buffer | null = Buffer.alloc(0);
  private totalBytes = 0;

  constructor(private readonly limits: IcsLimits = DEFAULT_LIMITS) {}

  /** Feeds one chunk; calls `emit` for each content line completed so far. */
  push(input: Uint8Array, emit: (line: LogicalLine) => void): void {
    let chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    this.totalBytes += chunk.length;
    if (this.totalBytes > this.limits.maxBytes) {
      throw new IcsError(Math.max(1, this.physicalLine), `file is larger than the limit of ${this.limits.maxBytes} bytes`);
    }
    if (this.head) {
      // The BOM may straddle the first chunks: wait for three bytes before deciding.
      chunk = Buffer.concat([this.head, chunk]);
      if (chunk.length < 3) {
        this.head = chunk;
        return;
      }
      this.head = null;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    this.scan(chunk, emit);
  }

  /** Ends the input: emits the last content line, if any. */
  end(emit: (line: LogicalLine) => void): void {
    if (this.head) {
      const rest = this.head;
      this.head = null;
      this.scan(rest, emit);
    }
    this.trimCarriageReturn();
    this.flush(emit);
  }

  private scan(chunk: Buffer, emit: (line: LogicalLine) => void): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.atLineStart) {
        this.physicalLine++;
        this.atLineStart = false;
        const first = chunk[pos];
        if ((first === SPACE || first === TAB) && this.startLine !== 0) {
          pos++; // a fold: the break and this one character disappear
        } else {
          this.flush(emit);
          this.startLine = this.physicalLine;
        }
        continue;
      }
      const newline = chunk.indexOf(LF, pos);
      const end = newline < 0 ? chunk.length : newline;
      if (end > pos) this.append(chunk.subarray(pos, end));
      if (newline < 0) return;
      this.trimCarriageReturn();
      this.atLineStart = true;
      pos = newline + 1;
    }
  }

  private append(part: Buffer): void {
    this.partsBytes += part.length;
    if (this.partsBytes > this.limits.maxLineBytes) {
      throw new IcsError(this.startLine, `content line is longer than the limit of ${this.limits.maxLineBytes} bytes`);
    }
    this.parts.push(part);
  }

  private trimCarriageReturn(): void {
    const last = this.parts[this.parts.length - 1];
    if (last && last[last.length - 1] === CR) {
      this.parts[this.parts.length - 1] = last.subarray(0, last.length - 1);
      this.partsBytes--;
    }
  }

  private flush(emit: (line: LogicalLine) => void): void {
    if (this.startLine === 0) return;
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.partsBytes);
    const line = this.startLine;
    this.parts = [];
    this.partsBytes = 0;
    this.startLine = 0;
    if (bytes.length > 0) emit({ line, text: bytes.toString('utf8') });
  }
}

/** Unfolds a stream of octet chunks (a file stream, an HTTP body) into content lines. */
export async function* unfoldChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits: IcsLimits = DEFAULT_LIMITS,
): AsyncGenerator<LogicalLine> {
  const unfolder = new LineUnfolder(limits);
  let batch: LogicalLine[] = [];
  const collect = (l: LogicalLine) => batch.push(l);
  for await (const chunk of chunks) {
    unfolder.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, collect);
    if (batch.length) {
      const out = batch;
      batch = [];
      yield* out;
    }
  }
  unfolder.end(collect);
  yield* batch;
}

/** Unfolds a whole file held in memory (tests, small payloads). */
export function unfoldAll(data: Uint8Array | string, limits: IcsLimits = DEFAULT_LIMITS): LogicalLine[] {
  const out: LogicalLine[] = [];
  const unfolder = new LineUnfolder(limits);
  const collect = (l: LogicalLine) => out.push(l);
  unfolder.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, collect);
  unfolder.end(collect);
  return out;
}
