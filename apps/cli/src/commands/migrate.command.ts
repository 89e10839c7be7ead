import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

@Command({
  name: 'migrate',
  description: 'Apply pending database migrations (the API also does this at start)',
})
export class MigrateCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<void> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    const pending = await this.dataSource.showMigrations();
    process.stdout.write(
      `Migrations applied now: ${applied.length}; pending: ${pending ? 'yes' : 'none'}\n`,
    );
  }
}
