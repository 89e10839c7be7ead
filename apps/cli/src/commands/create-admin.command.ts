import { Command, CommandRunner, Option } from 'nest-commander';
import { MIN_PASSWORD_LENGTH, systemActor } from '@app/core';
import { UsersService } from '@app/org';

interface CreateAdminOptions {
  username: string;
  password: string;
}

@Command({
  name: 'create-admin',
  description: 'Create an admin user (password from --password or ADMIN_PASSWORD)',
})
export class CreateAdminCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_args: string[], options: CreateAdminOptions): Promise<void> {
    const password = options.password ?? process.env.ADMIN_PASSWORD;
    if (!options.username || !password || password.length < MIN_PASSWORD_LENGTH) {
      throw new Error(
        `create-admin needs --username and a password of at least ${MIN_PASSWORD_LENGTH} characters`,
      );
    }
    const created = await this.users.ensureAdmin(systemActor('cli'), options.username, password);
    process.stdout.write(
      created
        ? `Admin ${options.username} created.\n`
        : `User ${options.username} already exists.\n`,
    );
  }

  @Option({ flags: '-u, --username <username>', description: 'login name' })
  parseUsername(value: string): string {
    return value;
  }

  @Option({ flags: '-p, --password <password>', description: 'at least 10 characters' })
  parsePassword(value: string): string {
    return value;
  }
}
