import { Module } from '@nestjs/common';
import { RankingReader } from './ranking-reader.service';
import { RankingSnapshotsService } from './ranking-snapshots.service';
import { RankingVersions } from './ranking-versions.service';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';

@Module({
  controllers: [RankingsController],
  providers: [RankingsService, RankingSnapshotsService, RankingVersions, RankingReader],
  exports: [RankingsService, RankingSnapshotsService, RankingVersions, RankingReader],
})
export class RankingsModule {}
