import { Module } from '@nestjs/common';
import { CoreModule } from '@app/core';
import { DemoModule } from '@app/demo';
import { OrgModule } from '@app/org';
import { CreateAdminCommand } from './commands/create-admin.command';
import { MigrateCommand } from './commands/migrate.command';
import { SeedDemoCommand } from './commands/seed-demo.command';

@Module({
  imports: [CoreModule, OrgModule, DemoModule],
  providers: [MigrateCommand, SeedDemoCommand, CreateAdminCommand],
})
export class CliModule {}
