import { Module } from '@nestjs/common';
import { CoreModule } from '@app/core';
import { OrgModule } from '@app/org';
import { DemoModule } from '@app/demo';
import { CriteriaModule } from '@app/criteria';
import { EvaluationsModule } from '@app/evaluations';
import { LoggerModule } from './logger.module';
import { StartupService } from './startup.service';

@Module({
  imports: [CoreModule, LoggerModule, OrgModule, DemoModule, CriteriaModule, EvaluationsModule],
  providers: [StartupService],
})
export class AppModule {}
