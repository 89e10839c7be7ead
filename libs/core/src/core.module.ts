import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BroadcastModule } from './broadcast/broadcast.module';
import { ClockModule } from './clock';
import { appConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { AnswerReplay } from './http/answer-replay';

/** What every feature stands on: settings, database, auth, audit, health. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [appConfig], ignoreEnvFile: true }),
    EventEmitterModule.forRoot(),
    ClockModule,
    DatabaseModule,
    BroadcastModule,
    AuthModule,
    AuditModule,
    HealthModule,
  ],
  providers: [AnswerReplay],
  exports: [
    AnswerReplay,
    ConfigModule,
    DatabaseModule,
    BroadcastModule,
    AuditModule,
    AuthModule,
    ClockModule,
  ],
})
export class CoreModule {}
