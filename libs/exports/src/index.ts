export * from './export-table';
export * from './pacing';
export * from './write-export';
export * from './send-export';
export * from './nomination-columns';
export { writeCsv } from './csv-writer';
export { writeXlsx } from './xlsx-writer';
export { writePdf, NATIONAL_NAME, NATIONAL_MOTTO } from './pdf-writer';
