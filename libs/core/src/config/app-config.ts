import { ConfigType, registerAs } from '@nestjs/config';
import { parseEnv } from './env.schema';

/** The validated settings, injected with `@Inject(appConfig.KEY) config: AppConfig`. */
export const appConfig = registerAs('app', () => parseEnv(process.env));
export type AppConfig = ConfigType<typeof appConfig>;
