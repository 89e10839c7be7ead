import { Module } from '@nestjs/common';
import { RankingSnapshotsService } from './ranking-snapshots.service';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';

@Module({
  controllers: [RankingsController],
  providers: [RankingsService, RankingSnapshotsService],
  exports: [RankingsService, RankingSnapshotsService],
})
export class RankingsModule {}
