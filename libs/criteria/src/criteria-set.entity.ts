import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { decimalTransformer, INSTANT_COLUMN } from '@app/core';

export const CRITERIA_TARGETS = ['person', 'agency'] as const;
export type CriteriaTarget = (typeof CRITERIA_TARGETS)[number];
export const CRITERIA_SET_STATUSES = ['draft', 'published'] as const;
export type CriteriaSetStatus = (typeof CRITERIA_SET_STATUSES)[number];

const THRESHOLD_COLUMN = {
  type: 'decimal',
  precision: 5,
  scale: 2,
  transformer: decimalTransformer,
} as const;

/** A versioned criteria set (bộ tiêu chí); its criteria are one JSON document. */
@Entity('criteria_sets')
export class CriteriaSetEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  target: CriteriaTarget;

  @Column({ type: 'varchar', length: 10 })
  status: CriteriaSetStatus;

  @Column(THRESHOLD_COLUMN)
  thresholdA: number;

  @Column(THRESHOLD_COLUMN)
  thresholdB: number;

  @Column(THRESHOLD_COLUMN)
  thresholdC: number;

  @Column({ type: 'text' })
  criteriaJson: string;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  publishedAt: Date | null;

  @Column(INSTANT_COLUMN)
  createdAt: Date;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}
