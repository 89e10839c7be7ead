export * from './page';
export * from './id.pipe';
export * from './download';
export * from './transforms';
export * from './body-shape';
export * from './json-body-limits';
export * from './plain-text';
export * from './decimal-validation.pipe';
