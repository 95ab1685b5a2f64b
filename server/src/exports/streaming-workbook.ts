// An XLSX workbook written as a stream, a sheet after the other: text as inline strings (never a
// formula, whatever it starts with), numbers, booleans and dates in a number format; each sheet with
// a frozen, filtered, bold header row and column widths. The zip (yazl) deflates in zlib's thread
// pool and waits while the output is behind, so memory stays flat however many rows there are.
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { write } from '../documents/stream-write.js';

export interface WorkbookColumn {
  header: string;
  /** In characters, as Excel measures column widths. */
  width: number;
  /** The number format of the column's dates, such as "yyyy-mm". */
  numFmt?: string;
}

export interface WorkbookSheet {
  name: string;
  columns: WorkbookColumn[];
}

export type WorkbookCell = string | number | boolean | Date | null | undefined;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const HEADER_STYLE = 1;
/** Styles 0 (plain) and 1 (bold header) come first; each distinct date format gets the next. */
const FIRST_DATE_STYLE = 2;
/** Excel's serial date: days since 1899-12-30 (which absorbs its 1900 leap-year bug for dates after February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/**
 * Deflate level of the sheets: on sheet XML, level 3 runs several times faster than zlib's
 * default 6 for a file only slightly larger.
 */
const SHEET_COMPRESSION = 3;
/** Bigger than the stream default (16 KB) so that a chunk of rows is one write, not hundreds. */
const SHEET_BUFFER = 1 << 20;

// Characters that XML must escape, cannot hold at all (C0 controls but tab and line feed, lone
// surrogates, U+FFFE/U+FFFF) or would normalise away (a carriage return).
/* eslint-disable no-control-regex -- matching the control characters XML cannot hold is the point */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/;
const ESCAPED =
  /[&<>"\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/** Text as XML character data or an attribute value; characters XML cannot hold are dropped. */
export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => ENTITY[c] ?? '') : text;
}

/** A, B, …, Z, AA, AB, … for a 0-based column index. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export class StreamingWorkbook {
  private readonly zip = new yazl.ZipFile();
  private readonly done: Promise<void>;
  private readonly mtime: Date;
  /** Style index of each distinct date format. */
  private readonly dateStyles = new Map<string, number>();
  private next = 0;

  constructor(
    out: Writable,
    private readonly sheets: WorkbookSheet[],
    properties: { creator: string; created: Date },
  ) {
    this.mtime = properties.created;
    for (const sheet of sheets)
      for (const { numFmt } of sheet.columns)
        if (numFmt && !this.dateStyles.has(numFmt)) this.dateStyles.set(numFmt, FIRST_DATE_STYLE + this.dateStyles.size);
    const zipped = this.zip.outputStream as Readable;
    // yazl reports its own failures as events on the zip: end the output with them, so end() rejects.
    this.zip.on('error', (err: Error) => zipped.destroy(err));
    this.done = pipeline(zipped, out);
    // Seen here so that a failure before end() is not an unhandled rejection; end() still reports it.
    this.done.catch(() => undefined);
    const part = (name: string, xml: string) => this.zip.addBuffer(Buffer.from(XML_HEAD + xml), name, { mtime: this.mtime });
    part('[Content_Types].xml', this.contentTypes());
    part(
      '_rels/.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    );
    part(
      'docProps/core.xml',
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(properties.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${properties.created.toISOString().slice(0, 19)}Z</dcterms:created></cp:coreProperties>`,
    );
    part('xl/workbook.xml', this.workbook());
    part('xl/_rels/workbook.xml.rels', this.workbookRelationships());
    part('xl/styles.xml', this.styles());
  }

  /** Starts the next sheet, in the order given to the constructor; end it before starting another. */
  sheet(name: string): SheetWriter {
    const index = this.next++;
    const sheet = this.sheets[index];
    if (sheet?.name !== name) throw new Error(`The next sheet is ${sheet?.name ?? 'none'}, not ${name}.`);
    const body = new PassThrough({ highWaterMark: SHEET_BUFFER });
    this.zip.addReadStream(body, `xl/worksheets/sheet${index + 1}.xml`, { mtime: this.mtime, compressionLevel: SHEET_COMPRESSION });
    const styles = sheet.columns.map((c) => (c.numFmt ? this.dateStyles.get(c.numFmt)! : 0));
    return new SheetWriter(body, sheet.columns, styles);
  }

  /** Finishes the zip and waits until the output has taken all of it. */
  async end(): Promise<void> {
    this.zip.end();
    await this.done;
  }

  private contentTypes(): string {
    const sheets = this.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    return (
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>'
    );
  }

  private workbook(): string {
    const sheets = this.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    // Excel keeps an autofilter's range in this hidden name too, and repairs a file that lacks it.
    const filters = this.sheets
      .map(
        (s, i) =>
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(s.name.replace(/'/g, "''"))}'!$A$1:$${columnLetters(s.columns.length - 1)}$1</definedName>`,
      )
      .join('');
    return `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><definedNames>${filters}</definedNames></workbook>`;
  }

  private workbookRelationships(): string {
    const sheets = this.sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('');
    const styles = `<Relationship Id="rId${this.sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`;
    return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}${styles}</Relationships>`;
  }

  private styles(): string {
    const formats = [...this.dateStyles.keys()];
    // Custom number formats are numbered from 164; the ones below are Excel's built-ins.
    const numFmts = formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`).join('');
    const dateXfs = formats
      .map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
      .join('');
    return (
      `<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length > 0 ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${FIRST_DATE_STYLE + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${dateXfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/** One sheet's rows, after its header; written with backpressure. */
export class SheetWriter {
  private readonly letters: string[];
  private row = 1;

  constructor(
    private readonly body: PassThrough,
    private readonly columns: WorkbookColumn[],
    /** The style index of each column's dates. */
    private readonly dateStyles: number[],
  ) {
    this.letters = columns.map((_, i) => columnLetters(i));
    const widths = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
    const header = columns
      .map((c, i) => `<c r="${this.letters[i]}1" s="${HEADER_STYLE}" t="inlineStr"><is><t>${xmlText(c.header)}</t></is></c>`)
      .join('');
    body.write(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${widths}</cols><sheetData><row r="1">${header}</row>`,
    );
  }

  /** Appends rows, one cell per column in order; waits while the zip is behind. */
  async addRows(rows: readonly WorkbookCell[][]): Promise<void> {
    let xml = '';
    for (const cells of rows) xml += this.rowXml(cells);
    await write(this.body, xml);
  }

  end(): void {
    this.body.end(`</sheetData><autoFilter ref="A1:${this.letters[this.columns.length - 1]}1"/></worksheet>`);
  }

  private rowXml(cells: readonly WorkbookCell[]): string {
    const r = ++this.row;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      if (value === null || value === undefined || value === '') continue;
      const ref = this.letters[i] + r;
      if (typeof value === 'string')
        xml += `<c r="${ref}" t="inlineStr"><is><t${spaceAtEnds(value) ? ' xml:space="preserve"' : ''}>${xmlText(value)}</t></is></c>`;
      else if (typeof value === 'number') xml += Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
      else if (typeof value === 'boolean') xml += `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
      else if (Number.isFinite(value.getTime()))
        xml += `<c r="${ref}" s="${this.dateStyles[i]}"><v>${(value.getTime() - EXCEL_EPOCH_MS) / DAY_MS}</v></c>`;
    }
    return xml + '</row>';
  }
}

/** Whether XML would trim the text's ends (space, tab, line break) unless told to preserve them. */
function spaceAtEnds(text: string): boolean {
  return text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32;
}
