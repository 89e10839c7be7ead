import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BOOLEAN_COLUMN, INSTANT_COLUMN, SCORE_COLUMN } from '@app/core';
import type { Grade } from '@app/domain';
import type { EvaluationStatus, SubjectType } from './workflow';

/** One subject's evaluation of one quarter (phiếu đánh giá); values and notes as JSON by code. */
@Entity('evaluations')
export class EvaluationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10 })
  subjectType: SubjectType;

  @Column({ type: 'int' })
  subjectId: number;

  /** The person's agency when the evaluation was created, or the agency itself. */
  @Column({ type: 'int' })
  agencyId: number;

  /** The person's unit when the evaluation was created. */
  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'int' })
  criteriaSetId: number;

  @Column({ type: 'varchar', length: 12 })
  status: EvaluationStatus;

  @Column({ type: 'int' })
  version: number;

  @Column(SCORE_COLUMN)
  total: number;

  @Column({ type: 'varchar', length: 1 })
  grade: Grade;

  @Column(BOOLEAN_COLUMN)
  disqualified: boolean;

  @Column({ type: 'text' })
  valuesJson: string;

  @Column({ type: 'text' })
  notesJson: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  returnReason: string | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  submittedAt: Date | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  approvedBy: number | null;

  @Column({ type: 'int' })
  createdBy: number;

  @Column(INSTANT_COLUMN)
  createdAt: Date;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}
