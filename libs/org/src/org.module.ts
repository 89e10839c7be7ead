import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '@app/core';
import { AgenciesController } from './agencies/agencies.controller';
import { AgenciesService } from './agencies/agencies.service';
import { AgencyEntity } from './agencies/agency.entity';
import { PeopleController } from './people/people.controller';
import { PeopleImportService } from './people/people-import.service';
import { PeopleMoves } from './people/people-moves';
import { PeopleService } from './people/people.service';
import { PersonEntity, PersonSearchTermEntity } from './people/person.entity';
import { UnitEntity } from './units/unit.entity';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AgencyEntity,
      UnitEntity,
      PersonEntity,
      PersonSearchTermEntity,
      UserEntity,
    ]),
  ],
  controllers: [AgenciesController, UnitsController, PeopleController, UsersController],
  providers: [
    AgenciesService,
    UnitsService,
    PeopleService,
    PeopleMoves,
    PeopleImportService,
    UsersService,
  ],
  exports: [AgenciesService, UnitsService, PeopleService, PeopleMoves, UsersService],
})
export class OrgModule {}
