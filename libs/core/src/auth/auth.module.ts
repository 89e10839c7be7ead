import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig, AppConfig } from '../config/app-config';
import { resolveJwtSecret } from '../config/jwt-secret';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DownloadTickets } from './download-ticket';
import { JwtStrategy } from './jwt.strategy';
import { LoginAttempts } from './login-attempts';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRoot([]),
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    JwtModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => ({
        secret: resolveJwtSecret(config),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtStrategy,
    LoginAttempts,
    DownloadTickets,
    { provide: ThrottlerStorageService, useClass: ThrottlerStorageService },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TypeOrmModule],
})
export class AuthModule {}
