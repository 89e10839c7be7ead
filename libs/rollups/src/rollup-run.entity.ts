import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN } from '@app/core';

export type RollupTrigger = 'schedule' | 'catch-up' | 'manual';
export type RollupStatus = 'running' | 'succeeded' | 'failed';

/** One roll-up run of a period (SPEC §6): who started it, when, how it ended. */
@Entity('rollup_runs')
export class RollupRunEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 10 })
  trigger: RollupTrigger;

  @Column({ type: 'varchar', length: 10 })
  status: RollupStatus;

  /** The period while running, null after: its unique key is the cross-instance lock. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  activePeriod: string | null;

  @Column(INSTANT_COLUMN)
  startedAt: Date;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  finishedAt: Date | null;

  /** A running run whose lease has passed belongs to a dead process and may be taken over. */
  @Column({ ...INSTANT_COLUMN, nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'int', nullable: true })
  subjects: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  error: string | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;
}
