import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { generateCity } from '@app/demo';

interface GenerateCityFlags {
  agencies?: number;
  people?: number;
  criteria?: number;
  quarters?: number;
  lastQuarter?: string;
}

function positive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`--${name} must be a positive whole number`);
  return number;
}

@Command({
  name: 'generate-city',
  description:
    'Generate a city at scale for benchmarks (default 500 agencies, 100,000 people, 20 criteria, 4 approved quarters)',
})
export class GenerateCityCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(_args: string[], flags: GenerateCityFlags): Promise<void> {
    const city = await generateCity(this.dataSource, { ...flags, progress: process.stdout.isTTY });
    process.stdout.write(
      `Generated ${city.agencies} agencies, ${city.people} people, ${city.evaluations} approved evaluations ` +
        `(${city.quarters.join(', ')}), ${city.incidents} incidents in ${city.seconds.toFixed(1)} s.\n`,
    );
  }

  @Option({ flags: '--agencies <n>', description: 'agencies (default 500)' })
  parseAgencies(value: string): number {
    return positive('agencies', value);
  }

  @Option({ flags: '--people <n>', description: 'people (default 100000)' })
  parsePeople(value: string): number {
    return positive('people', value);
  }

  @Option({ flags: '--criteria <n>', description: 'criteria of the person set (default 20)' })
  parseCriteria(value: string): number {
    return positive('criteria', value);
  }

  @Option({ flags: '--quarters <n>', description: 'approved quarters (default 4)' })
  parseQuarters(value: string): number {
    return positive('quarters', value);
  }

  @Option({
    flags: '--last-quarter <key>',
    description: 'the last generated quarter, e.g. 2025-Q4',
  })
  parseLastQuarter(value: string): string {
    return value;
  }
}
