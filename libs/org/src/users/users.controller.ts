import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, IdPipe, Page } from '@app/core';
import { CreateUserDto, UpdateUserDto, UserQueryDto, UserView } from './dto/user.dto';
import { UsersService } from './users.service';

/** Accounts and their roles: admin only. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Allow('admin')
  @Get()
  list(@Query() query: UserQueryDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Allow('admin')
  @Get(':id')
  get(@Param('id', IdPipe) id: number): Promise<UserView> {
    return this.users.get(id);
  }

  @Allow('admin')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, body);
  }

  @Allow('admin')
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, id, body);
  }
}
