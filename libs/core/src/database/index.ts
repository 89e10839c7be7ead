export * from './column-types';
export * from './data-source-options';
export * from './snake-naming.strategy';
export * from './transactions';
export * from './statement-batches';
export * from './database.module';
export * from './apply-changes';
