export * from './demo-organisation';
export * from './demo-seeder';
export * from './demo.module';
export * from './vietnamese-names';
export * from './generate-city';
