export * from './audit-record.entity';
export * from './audit.module';
export * from './audit.writer';
