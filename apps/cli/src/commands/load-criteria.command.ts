import { Command, CommandRunner } from 'nest-commander';
import { systemActor, Transactions } from '@app/core';
import { CriteriaService } from '@app/criteria';

@Command({
  name: 'load-criteria',
  description:
    'Create and publish the default criteria sets of config/criteria when their codes do not exist yet',
})
export class LoadCriteriaCommand extends CommandRunner {
  constructor(
    private readonly transactions: Transactions,
    private readonly criteria: CriteriaService,
  ) {
    super();
  }

  async run(): Promise<void> {
    const created = await this.transactions.run((manager) =>
      this.criteria.loadDefaultCriteria(manager, systemActor('cli')),
    );
    process.stdout.write(
      created.length
        ? `Published: ${created.join(', ')}\n`
        : 'Every default criteria set exists already.\n',
    );
  }
}
