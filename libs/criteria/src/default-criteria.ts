import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CreateCriteriaSetDto } from './dto/criteria-set.dto';

export const DEFAULT_CRITERIA_FILES = ['person.json', 'agency.json'] as const;

/**
 * The folder of config/criteria: three levels up from this file both in the sources
 * (libs/criteria/src) and in the build (dist/libs/criteria/src, where nest-cli copies the JSON
 * to dist/config/criteria); the working directory's config/ as a last resort.
 */
export function defaultCriteriaFolder(): string {
  const candidates = [
    resolve(__dirname, '../../../config/criteria'),
    resolve(process.cwd(), 'config/criteria'),
  ];
  const found = candidates.find((folder) => existsSync(join(folder, DEFAULT_CRITERIA_FILES[0])));
  if (!found) throw new Error(`Default criteria not found in ${candidates.join(' or ')}`);
  return found;
}

/** The default criteria sets, read at run time so that they can be edited without a build. */
export function readDefaultCriteria(folder = defaultCriteriaFolder()): CreateCriteriaSetDto[] {
  return DEFAULT_CRITERIA_FILES.map(
    (file) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as CreateCriteriaSetDto,
  );
}
