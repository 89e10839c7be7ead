import { Command, CommandRunner } from 'nest-commander';
import { RollupsService } from '@app/rollups';

@Command({
  name: 'rollup',
  arguments: '<period>',
  description: 'Run the roll-up of a half (2025-H1, 2025-H2) or a year (2025) now and wait for it',
})
export class RollupCommand extends CommandRunner {
  constructor(private readonly rollups: RollupsService) {
    super();
  }

  async run([period]: string[]): Promise<void> {
    const run = await this.rollups.start(period, 'manual', null);
    await this.rollups.idle();
    const [finished] = (await this.rollups.listRuns({ period, limit: 1, offset: 0 })).items;
    process.stdout.write(
      `Roll-up ${run.id} of ${period}: ${finished.status}, ${finished.subjects ?? 0} subjects${finished.error ? `, ${finished.error}` : ''}\n`,
    );
    if (finished.status !== 'succeeded') process.exitCode = 1;
  }
}
