export * from './app-config';
export * from './env.schema';
export * from './jwt-secret';
