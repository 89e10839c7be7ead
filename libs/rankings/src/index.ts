export * from './ranking-snapshots.service';
export * from './rankings.module';
export * from './rankings.service';
export type { SubjectType } from './rankings.queries';
export { RankingScopeQueryDto } from './dto/ranking.dto';
