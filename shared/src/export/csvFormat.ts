/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields may hold the
 * delimiter, quotes ("") and line breaks. The delimiter is ',' or ';'
 * (German spreadsheets use ';'); the reader detects it from the header line.
 * Shared by the CSV export and import so that both agree on every detail.
 */

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe (CSV
 * injection): those starting with `=`, `+`, `-`, `@`, also after leading
 * white space (spreadsheets trim it before deciding), and those starting with
 * a tab or carriage return.
 */
const FORMULA_START = /^(?:[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

export function csvCell(value: string, delimiter: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) || safe.includes(delimiter)
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

/** Undoes the formula guard of `csvCell`. */
export function csvUnguard(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export interface CsvRow {
  /** 1-based line number where the row starts, for messages. */
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; rows: CsvRow[] } | { ok: false; error: string };

export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r\n?|\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Parses CSV text into rows; blank lines are skipped. */
export function parseCsvRows(text: string, delimiter: string): CsvParse {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowStart = 1;
  let inQuotes = false;
  let quotedAt = 0;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowStart, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          return {
            ok: false,
            error: `Line ${line}: unexpected character after a closing quote.`,
          };
        }
        continue;
      }
      if (c === '\n') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      inQuotes = true;
      quotedAt = line;
      i++;
      continue;
    }
    if (c === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowStart = line;
      continue;
    }
    cell += c;
    i++;
  }
  if (inQuotes) return { ok: false, error: `Line ${quotedAt}: a quoted field is never closed.` };
  if (cell !== '' || cells.length > 0) endRow();
  return { ok: true, rows };
}
