/**
 * A small RFC 4180 reader: quoted cells (with "" for a quote, commas and line breaks inside), CRLF or LF,
 * a UTF-8 byte-order mark (Excel writes one). The delimiter is the one the header uses most: Excel in
 * many European locales saves "CSV" with semicolons.
 */

export interface CsvRecord {
  /** The row number a spreadsheet shows for this record (the header is row 1). */
  row: number;
  cells: string[];
}

export type Delimiter = ',' | ';' | '\t';

/** The delimiter of the first line: the candidate that appears most often outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as Delimiter] += 1;
  }
  return (Object.keys(counts) as Delimiter[]).reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ',');
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Every record of the file, blank ones included (they keep the row numbers a spreadsheet shows). */
export function readCsv(input: string, delimiter: Delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ row: records.length + 1, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') cell += text[++i];
      else {
        quoted = false;
        afterQuote = true;
      }
    } else if (char === '"' && cell.trim() === '' && !afterQuote) {
      cell = '';
      quoted = true;
    } else if (char === delimiter) endCell();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else if (afterQuote && char.trim() !== '') {
      throw new CsvSyntaxError(records.length + 1, `text after a closing quote ("…"${char}): put the whole cell in quotes and write a quote inside it as ""`);
    } else if (!afterQuote) cell += char;
  }
  if (quoted) throw new CsvSyntaxError(records.length + 1, 'a quoted cell is never closed: a " is missing');
  if (cell !== '' || cells.length > 0 || afterQuote) endRecord();
  return records;
}

/** Whether a record holds nothing (an empty line, or only delimiters). */
export const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === '');
