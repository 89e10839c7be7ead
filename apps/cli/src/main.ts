import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, parseEnv } from '@app/core';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  parseEnv(process.env);
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error: Error & { code?: string; exitCode?: number }) => {
      // Commander reports --help and --version as "errors" with exit code 0.
      if (error.code?.startsWith('commander.') && error.exitCode === 0) process.exit(0);
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
