export * from './dashboard.module';
export * from './dto/agency-dashboard.view';
export * from './dto/city-dashboard.view';
export * from './dto/dashboard-query.dto';
