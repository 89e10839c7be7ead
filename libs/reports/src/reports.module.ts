import { Module } from '@nestjs/common';
import { NominationsModule } from '@app/nominations';
import { RankingsModule } from '@app/rankings';
import { RankingsExportController } from './rankings-export.controller';
import { RankingsExportService } from './rankings-export.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [NominationsModule, RankingsModule],
  controllers: [ReportsController, RankingsExportController],
  providers: [ReportsService, RankingsExportService],
  exports: [ReportsService],
})
export class ReportsModule {}
