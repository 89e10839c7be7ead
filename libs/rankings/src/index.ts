export * from './ranking-reader.service';
export * from './ranking-snapshots.service';
export * from './ranking-versions.service';
export * from './rankings.module';
export * from './rankings.service';
export type { RankingScope, ScopeKind, SubjectType } from './rankings.queries';
export { RankingScopeQueryDto } from './dto/ranking.dto';
