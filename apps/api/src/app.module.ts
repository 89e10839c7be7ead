import { Module } from '@nestjs/common';
import { CoreModule } from '@app/core';
import { OrgModule } from '@app/org';
import { DemoModule } from '@app/demo';
import { CriteriaModule } from '@app/criteria';
import { EvaluationsModule } from '@app/evaluations';
import { RankingsModule } from '@app/rankings';
import { RollupsModule } from '@app/rollups';
import { NominationsModule } from '@app/nominations';
import { ReportsModule } from '@app/reports';
import { DashboardModule } from '@app/dashboard';
import { LoggerModule } from './logger.module';
import { StartupService } from './startup.service';

@Module({
  imports: [
    CoreModule,
    LoggerModule,
    OrgModule,
    DemoModule,
    CriteriaModule,
    EvaluationsModule,
    RankingsModule,
    RollupsModule,
    NominationsModule,
    ReportsModule,
    DashboardModule,
  ],
  providers: [StartupService],
})
export class AppModule {}
