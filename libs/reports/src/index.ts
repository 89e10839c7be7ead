export * from './dto/ranking-export.dto';
export * from './dto/report.dto';
export * from './report-math';
export * from './reports.module';
export * from './reports.service';
export * from './rankings-export.service';
