// lib0's decoding module with one function made faster: reading a short
// string. Yjs decodes every string of a document through lib0's
// `readVarString` — each map key ("x", "color", "authorId"), each run of text
// — and lib0 hands each one to TextDecoder. Crossing into the browser's native
// decoder for a few bytes costs more than the decoding: in a profile of a new
// device applying a 5,000-note board (2.3 MB, about 150,000 strings) it was
// 0.24 s of 0.52 s of decoding. ASCII strings up to a kilobyte are read here
// in JavaScript; anything else (longer, non-ASCII, truncated) goes to lib0's
// own reader, so the result — and any error — is exactly lib0's.
//
// The build puts this module in place of `lib0/decoding` for every importer
// (yjs, y-protocols, y-websocket; vite.config.ts, `resolve.alias`); it
// re-exports the rest of lib0's module unchanged.
import { type Decoder, readVarString as lib0ReadVarString, readVarUint } from 'lib0/decoding.js';

export * from 'lib0/decoding.js';

/** Longest string read here (beyond it TextDecoder is as quick, and such strings are few). */
const LONGEST = 1024;

export const readVarString = (decoder: Decoder): string => {
  const start = decoder.pos;
  const length = readVarUint(decoder);
  const from = decoder.pos;
  const end = from + length;
  const bytes = decoder.arr;
  if (length <= LONGEST && end <= bytes.length) {
    let ascii = true;
    for (let i = from; i < end; i++)
      if (bytes[i]! > 0x7f) {
        ascii = false;
        break;
      }
    if (ascii) {
      decoder.pos = end;
      // One char code per byte: the string of an ASCII byte sequence.
      return String.fromCharCode.apply(null, bytes.subarray(from, end) as unknown as number[]);
    }
  }
  decoder.pos = start;
  return lib0ReadVarString(decoder);
};
