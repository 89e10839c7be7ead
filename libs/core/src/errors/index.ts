export * from './domain-errors';
export * from './client-error';
export * from './database-errors';
export * from './error-body';
export * from './error-bounds';
export * from './http-exception.filter';
export * from './validation';
