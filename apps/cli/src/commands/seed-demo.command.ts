import { Command, CommandRunner } from 'nest-commander';
import { systemActor } from '@app/core';
import { DemoSeeder } from '@app/demo';

@Command({
  name: 'seed-demo',
  description: 'Write the demo data of SPEC §12 into an empty database',
})
export class SeedDemoCommand extends CommandRunner {
  constructor(private readonly demo: DemoSeeder) {
    super();
  }

  async run(): Promise<void> {
    const seeded = await this.demo.seed(systemActor('cli'));
    process.stdout.write(
      seeded ? 'Demo data written.\n' : 'The database already has agencies; nothing written.\n',
    );
  }
}
