export * from './import-outcome';
export * from './import-query.dto';
export * from './uploaded-table';
