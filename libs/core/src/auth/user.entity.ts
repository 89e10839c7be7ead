import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BOOLEAN_COLUMN, INSTANT_COLUMN } from '../database/column-types';
import type { Role } from './roles';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'int', nullable: true })
  agencyId: number | null;

  @Column(BOOLEAN_COLUMN)
  active: boolean;

  /** Raised when the password, role or agency changes: every access token issued before dies. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Column(INSTANT_COLUMN)
  createdAt: Date;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}
