import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, parseEnv } from '@app/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { StartupService } from './startup.service';

async function bootstrap(): Promise<void> {
  const env = parseEnv(process.env);
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApp(app);
  await app.listen(env.port);
  const url = `http://localhost:${env.port}`;
  app.get(StartupService).printWelcome(url);
}

bootstrap().catch((error: unknown) => {
  // A wrong setting stops start-up with one line that names it.
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? `Start-up failed: ${error.message}`
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
