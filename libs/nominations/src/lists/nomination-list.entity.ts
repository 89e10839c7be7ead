import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN } from '@app/core';

export type NominationStatus = 'draft' | 'submitted' | 'accepted' | 'rejected';
export type NomineeType = 'person' | 'agency';

/** A list of subjects proposed for commendation (danh sách đề nghị khen thưởng). */
@Entity('nomination_lists')
export class NominationListEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  /** A half `2025-H1` or a year `2025`. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** `person`: people of one agency; `agency`: agencies of the city (agencyId null). */
  @Column({ type: 'varchar', length: 10 })
  subjectType: NomineeType;

  @Column({ type: 'int', nullable: true })
  agencyId: number | null;

  @Column({ type: 'varchar', length: 10 })
  status: NominationStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decisionNumber: string | null;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  decisionDate: string | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  submittedBy: number | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @Column({ type: 'int' })
  createdBy: number;

  @Column(INSTANT_COLUMN)
  createdAt: Date;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}
