import { Column, Entity, PrimaryColumn } from 'typeorm';
import { INSTANT_COLUMN } from '@app/core';

export type PeriodStatus = 'open' | 'closed';

/** A quarter and whether it still accepts changes; created open on first use. */
@Entity('periods')
export class PeriodEntity {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  key: string;

  @Column({ type: 'varchar', length: 10 })
  status: PeriodStatus;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reopenReason: string | null;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}
