import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { appConfig, AppConfig } from '../config/app-config';
import { resolveJwtSecret } from '../config/jwt-secret';
import { AccessGuard } from './access.guard';
import { ActiveActors } from './active-actors';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BearerActors } from './bearer-actors';
import { DownloadTickets } from './download-ticket';
import { throttleStoreProvider } from './throttle/throttle-store.provider';
import { LoginThrottle } from './throttle/login-throttle';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    JwtModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verify, which costs about a millisecond of CPU each time.
        secret: createSecretKey(Buffer.from(resolveJwtSecret(config), 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    ActiveActors,
    BearerActors,
    LoginThrottle,
    throttleStoreProvider,
    DownloadTickets,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TypeOrmModule, ActiveActors, BearerActors],
})
export class AuthModule {}
