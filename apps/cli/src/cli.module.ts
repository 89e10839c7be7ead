import { Module } from '@nestjs/common';
import { CoreModule } from '@app/core';
import { CriteriaModule } from '@app/criteria';
import { EvaluationsModule } from '@app/evaluations';
import { NominationsModule } from '@app/nominations';
import { RollupsModule } from '@app/rollups';
import { DemoModule } from '@app/demo';
import { OrgModule } from '@app/org';
import { CreateAdminCommand } from './commands/create-admin.command';
import { GenerateCityCommand } from './commands/generate-city.command';
import { LoadCriteriaCommand } from './commands/load-criteria.command';
import { RollupCommand } from './commands/rollup.command';
import { MigrateCommand } from './commands/migrate.command';
import { SeedDemoCommand } from './commands/seed-demo.command';

@Module({
  imports: [
    CoreModule,
    OrgModule,
    DemoModule,
    CriteriaModule,
    EvaluationsModule,
    RollupsModule,
    NominationsModule,
  ],
  providers: [
    MigrateCommand,
    SeedDemoCommand,
    CreateAdminCommand,
    LoadCriteriaCommand,
    GenerateCityCommand,
    RollupCommand,
  ],
})
export class CliModule {}
