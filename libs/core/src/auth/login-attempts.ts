import { Injectable } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { THIDUA_DEFAULTS } from '@app/config';

const WINDOW_MS = 60_000;

/**
 * Failed logins per username, on the throttler's storage: after 5 failures in
 * a minute the username is blocked for a minute (429). Successful logins do
 * not count. The storage is per process; behind several instances each keeps
 * its own count.
 */
@Injectable()
export class LoginAttempts {
  constructor(private readonly storage: ThrottlerStorageService) {}

  isBlocked(username: string): boolean {
    const record = this.storage.storage.get(this.key(username));
    return Boolean(record?.isBlocked && record.blockExpiresAt > Date.now());
  }

  async recordFailure(username: string): Promise<void> {
    const limit = THIDUA_DEFAULTS.auth.loginFailuresPerMinute;
    await this.storage.increment(
      this.key(username),
      WINDOW_MS,
      limit - 1,
      WINDOW_MS,
      'login-failures',
    );
  }

  private key(username: string): string {
    return `login:${username.trim().toLowerCase()}`;
  }
}
