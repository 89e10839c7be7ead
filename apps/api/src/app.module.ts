import { Module } from '@nestjs/common';
import { CoreModule } from '@app/core';
import { OrgModule } from '@app/org';
import { DemoModule } from '@app/demo';
import { LoggerModule } from './logger.module';
import { StartupService } from './startup.service';

@Module({
  imports: [CoreModule, LoggerModule, OrgModule, DemoModule],
  providers: [StartupService],
})
export class AppModule {}
