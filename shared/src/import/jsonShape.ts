/**
 * A cheap look at the shape of JSON text before `JSON.parse` builds it.
 *
 * Parsing is not linear in the bytes for every shape: an object with 400,000
 * keys (a note's `votes` stuffed by hand) takes V8 seconds to build, and the
 * zod validation and the Yjs document after it cost more again. This scanner
 * walks the text once, keeps only a stack of counters, and stops at the first
 * limit it hits, so a hostile file costs a few milliseconds per megabyte and
 * nothing beyond. It does not validate JSON (JSON.parse does that next); it
 * only has to agree with it on where strings, objects and arrays are.
 */

export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays. */
  depth: number;
  /** Most members one object may have. */
  objectMembers: number;
  /** Most elements one array may have. */
  arrayElements: number;
  /** Most characters one string may have. */
  stringLength: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/**
 * UTF-16 code units the character starting with this UTF-8 byte becomes (0 for
 * a continuation byte): string lengths counted in the bytes agree with the text.
 */
function utf16Units(byte: number): number {
  if ((byte & 0xc0) === 0x80) return 0;
  return byte >= 0xf0 ? 2 : 1;
}

/**
 * null when the text stays within the limits, else why not. The text may be
 * given as UTF-8 bytes (a request body as read): the structure is the same
 * bytes, and a refused body is never turned into a string at all, which for
 * megabytes costs more than this scan.
 */
export function jsonShapeProblem(
  text: string | Uint8Array,
  limits: JsonShapeLimits,
): string | null {
  const scanner = new JsonShapeScanner(limits);
  return scanner.feed(text) ?? scanner.end();
}

/**
 * The same scan over a text that arrives in pieces (a request body as it is
 * received): `feed` each piece in order, then `end`. A server stops reading at
 * the first problem instead of after megabytes it would refuse anyway.
 */
export class JsonShapeScanner {
  /** Per open container: is it an object, and how many commas so far (members - 1). */
  private readonly isObject: boolean[] = [];
  private readonly commas: number[] = [];
  private inString = false;
  /** The previous character was a backslash inside a string. */
  private escaped = false;
  private stringLength = 0;
  private problem: string | null = null;

  constructor(private readonly limits: JsonShapeLimits) {}

  /** Scans the next piece; the first problem so far, or null. */
  feed(text: string | Uint8Array): string | null {
    if (this.problem) return this.problem;
    const bytes = typeof text === 'string' ? null : text;
    const n = text.length;
    const { limits, isObject, commas } = this;
    for (let i = 0; i < n; i++) {
      const c = bytes ? bytes[i]! : (text as string).charCodeAt(i);
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          this.stringLength += 1;
        } else if (c === BACKSLASH) {
          this.escaped = true;
          this.stringLength += 1;
        } else if (c === QUOTE) {
          this.inString = false;
          if (this.stringLength > limits.stringLength) return this.fail(this.stringTooLong());
        } else this.stringLength += bytes ? utf16Units(c) : 1;
      } else if (c === QUOTE) {
        this.inString = true;
        this.stringLength = 0;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (isObject.length >= limits.depth) {
          return this.fail(`nested deeper than ${limits.depth} levels`);
        }
        isObject.push(c === OPEN_OBJECT);
        commas.push(0);
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        isObject.pop();
        commas.pop();
      } else if (c === COMMA && commas.length > 0) {
        const top = commas.length - 1;
        const count = commas[top]! + 2;
        commas[top] = count - 1;
        if (isObject[top]) {
          if (count > limits.objectMembers) {
            return this.fail(`an object with more than ${limits.objectMembers} entries`);
          }
        } else if (count > limits.arrayElements) {
          return this.fail(`a list with more than ${limits.arrayElements} entries`);
        }
      }
    }
    return null;
  }

  /** The text ended: the first problem, or null. */
  end(): string | null {
    if (!this.problem && this.inString && this.stringLength > this.limits.stringLength) {
      this.fail(this.stringTooLong());
    }
    return this.problem;
  }

  private stringTooLong(): string {
    return `a text of ${this.stringLength} characters; at most ${this.limits.stringLength}`;
  }

  private fail(problem: string): string {
    this.problem = problem;
    return problem;
  }
}
