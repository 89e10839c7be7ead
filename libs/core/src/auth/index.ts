export * from './actor';
export * from './allow.decorator';
export * from './auth.module';
export * from './passwords';
export * from './roles';
export * from './scope';
export * from './user.entity';
export * from './sessions';
