export * from './page';
export * from './id.pipe';
export * from './download';
export * from './transforms';
