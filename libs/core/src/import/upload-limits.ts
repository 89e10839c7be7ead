/**
 * What an import upload may hold. The largest real file is a 20,000-row evaluation import with
 * 20 criteria: 3.1 MB as CSV, 2.1 MB as XLSX (whose sheet unpacks to 17 MB); people files are
 * smaller (2.4 MB CSV, 0.7 MB XLSX). The caps leave headroom above those and no more.
 */
export const MAX_IMPORT_ROWS = 20_000;
/** A criteria set has at most 200 criteria; the key and information columns come on top. */
export const MAX_IMPORT_COLUMNS = 256;
/** Title rows above the header: a template has two. */
export const MAX_ROWS_BEFORE_HEADER = 50;
/** One CSV record: 256 columns of a few hundred characters. */
export const MAX_CSV_RECORD_CHARS = 256 * 1024;
/** Excel's own limit on a cell's text; a longer one is not a spreadsheet's. */
export const MAX_CELL_CHARS = 32_767;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Multipart limits of an import upload (the upload interceptor's, as multer's were): one file of at most MAX_UPLOAD_BYTES, no other parts to speak of. */
export const UPLOAD_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 1,
  fields: 5,
  parts: 6,
  fieldSize: 1024,
};

/** What an XLSX's zip may declare before anything is unpacked. */
export const XLSX_LIMITS = {
  /** An XLSX has a dozen entries; a few sheets and pictures stay well under this. */
  maxEntries: 200,
  /** Sum of the declared uncompressed sizes (a real 20,000-row sheet: 17 MB). */
  maxUnpackedBytes: 48 * 1024 * 1024,
  /** Uncompressed / compressed of an entry over 1 MB; real sheets compress 8 to 12 times. */
  maxRatio: 100,
  ratioCheckedFromBytes: 1024 * 1024,
};

/** The worker thread that parses one upload. */
export const PARSE_LIMITS = {
  /** Old generation of the worker's heap; a 20,000-row file needs about a third of it. */
  heapMb: 128,
  youngMb: 32,
  /** A file that takes longer to read than this is refused. */
  timeoutMs: 60_000,
  /** Uploads parsed at once; more wait their turn. */
  concurrent: 2,
};
