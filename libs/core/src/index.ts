export * from './audit';
export * from './auth';
export * from './config';
export * from './core.module';
export * from './database';
export * from './errors';
export * from './http';
export * from './import';
