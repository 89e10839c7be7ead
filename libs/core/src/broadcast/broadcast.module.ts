import { Module } from '@nestjs/common';
import { InstanceBroadcast } from './instance-broadcast';

@Module({ providers: [InstanceBroadcast], exports: [InstanceBroadcast] })
export class BroadcastModule {}
