import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoModule } from '@app/demo';
import { RankingsModule } from '@app/rankings';
import { CLOCK, systemClock } from './clock';
import { RollupsDemo } from './demo/rollups-demo';
import { RollupRunEntity } from './rollup-run.entity';
import { RollupSchedulerService } from './rollup-scheduler.service';
import { RollupsController } from './rollups.controller';
import { RollupsService } from './rollups.service';

@Module({
  imports: [
    ScheduleModule.forRoot(),
    TypeOrmModule.forFeature([RollupRunEntity]),
    RankingsModule,
    DemoModule,
  ],
  controllers: [RollupsController],
  providers: [
    RollupsService,
    RollupSchedulerService,
    RollupsDemo,
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [RollupsService, RollupSchedulerService],
})
export class RollupsModule {}
