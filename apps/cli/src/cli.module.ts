import { Module } from '@nestjs/common';
import { CoreModule } from '@app/core';
import { CriteriaModule } from '@app/criteria';
import { EvaluationsModule } from '@app/evaluations';
import { DemoModule } from '@app/demo';
import { OrgModule } from '@app/org';
import { CreateAdminCommand } from './commands/create-admin.command';
import { LoadCriteriaCommand } from './commands/load-criteria.command';
import { MigrateCommand } from './commands/migrate.command';
import { SeedDemoCommand } from './commands/seed-demo.command';

@Module({
  imports: [CoreModule, OrgModule, DemoModule, CriteriaModule, EvaluationsModule],
  providers: [MigrateCommand, SeedDemoCommand, CreateAdminCommand, LoadCriteriaCommand],
})
export class CliModule {}
