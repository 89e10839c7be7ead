import { Foundation1700000000001 } from './1700000000001-foundation';
import { Evaluations1700000000002 } from './1700000000002-evaluations';
import { RankingsRollups1700000000003 } from './1700000000003-rankings-rollups';
import { Nominations1700000000004 } from './1700000000004-nominations';
import { IncrementalRankings1700000000005 } from './1700000000005-incremental-rankings';
import { LoginThrottle1700000000011 } from './1700000000011-login-throttle';
import { WideTexts1700000000012 } from './1700000000012-wide-texts';

/** Every migration, in order. The same list serves SQLite and MySQL. */
export const MIGRATIONS = [
  Foundation1700000000001,
  Evaluations1700000000002,
  RankingsRollups1700000000003,
  Nominations1700000000004,
  IncrementalRankings1700000000005,
  LoginThrottle1700000000011,
  WideTexts1700000000012,
];
