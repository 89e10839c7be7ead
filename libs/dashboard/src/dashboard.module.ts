import { Module } from '@nestjs/common';
import { RankingsModule } from '@app/rankings';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [RankingsModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
