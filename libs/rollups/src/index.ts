export * from './clock';
export * from './rollup-run.entity';
export * from './rollup-schedule';
export * from './rollups.module';
export * from './rollups.service';
export * from './rollup-scheduler.service';
