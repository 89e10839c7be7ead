import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN } from '../database/column-types';

/** A refresh token, stored only as its SHA-256; each use rotates it within its family. */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 36 })
  familyId: string;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column(INSTANT_COLUMN)
  expiresAt: Date;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  usedAt: Date | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  revokedAt: Date | null;

  @Column(INSTANT_COLUMN)
  createdAt: Date;
}
