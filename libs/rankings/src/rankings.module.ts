import { Module } from '@nestjs/common';
import { OrgModule } from '@app/org';
import { RankingReader } from './ranking-reader.service';
import { RankingReplays } from './ranking-replays';
import { RankingSnapshotsService } from './ranking-snapshots.service';
import { RankingVersions } from './ranking-versions.service';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';

@Module({
  imports: [OrgModule],
  controllers: [RankingsController],
  providers: [
    RankingsService,
    RankingSnapshotsService,
    RankingVersions,
    RankingReader,
    RankingReplays,
  ],
  exports: [RankingsService, RankingSnapshotsService, RankingVersions, RankingReader],
})
export class RankingsModule {}
