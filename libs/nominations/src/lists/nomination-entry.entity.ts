import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BOOLEAN_COLUMN, INSTANT_COLUMN, SCORE_COLUMN } from '@app/core';
import type { NomineeType } from './nomination-list.entity';

/** A subject on a nomination list, with its result as it stood when it was added. */
@Entity('nomination_entries')
export class NominationEntryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  listId: number;

  /** The list's period, kept here for the unique key of standing entries. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 10 })
  subjectType: NomineeType;

  @Column({ type: 'int' })
  subjectId: number;

  /** The person's agency when added, or the agency itself. */
  @Column({ type: 'int' })
  agencyId: number;

  @Column({ type: 'text' })
  achievement: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  overrideReason: string | null;

  /** Whether the subject passed every check of SPEC §7 when added. */
  @Column(BOOLEAN_COLUMN)
  candidate: boolean;

  @Column({ ...SCORE_COLUMN, nullable: true })
  total: number | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  grade: string | null;

  /** Rank in the candidate scope (people: their agency; agencies: the city). */
  @Column({ type: 'int', nullable: true })
  scopeRank: number | null;

  @Column({ type: 'int', nullable: true })
  rankedOf: number | null;

  /** 1 while the list is not rejected, null after: part of the unique key of standing entries. */
  @Column({ type: 'int', nullable: true })
  standing: number | null;

  @Column({ type: 'int' })
  createdBy: number;

  @Column(INSTANT_COLUMN)
  createdAt: Date;
}
