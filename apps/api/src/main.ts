import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ConfigError, parseEnv } from '@app/core';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp, createHttpAdapter } from './configure-app';
import { StartupService } from './startup.service';

async function bootstrap(): Promise<void> {
  const env = parseEnv(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(env), {
    ...APP_OPTIONS,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await configureApp(app, env);
  // Every interface, as Express's listen(port) did (IPv4 alone where there is no IPv6).
  await app.listen(env.port, '::').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EAFNOSUPPORT' && error.code !== 'EADDRNOTAVAIL') throw error;
    return app.listen(env.port, '0.0.0.0');
  });
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
