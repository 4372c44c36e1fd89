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
  const bytes = typeof text === 'string' ? null : text;
  const code = bytes ? (i: number) => bytes[i]! : (i: number) => (text as string).charCodeAt(i);
  // Per open container: is it an object, and how many commas so far (members - 1).
  const isObject: boolean[] = [];
  const commas: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = code(i);
    if (c === QUOTE) {
      let length = 0;
      i++;
      while (i < n) {
        const d = code(i);
        if (d === BACKSLASH) {
          i += 2;
          length += 2;
        } else if (d === QUOTE) break;
        else {
          i++;
          length += bytes ? utf16Units(d) : 1;
        }
      }
      if (length > limits.stringLength) {
        return `a text of ${length} characters; at most ${limits.stringLength}`;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (isObject.length >= limits.depth) return `nested deeper than ${limits.depth} levels`;
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
          return `an object with more than ${limits.objectMembers} entries`;
        }
      } else if (count > limits.arrayElements) {
        return `a list with more than ${limits.arrayElements} entries`;
      }
    }
  }
  return null;
}
