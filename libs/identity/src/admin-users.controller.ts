import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { AdminOnly } from './access.js';
import { AdminUserView, CreateUserDto, UpdateUserDto } from './dto/index.js';
import { USER_LIST, UsersService } from './users.service.js';
import { toAdminUserView } from './user-view.js';

@ApiTags('admin: users')
@Controller('admin/users')
@AdminOnly()
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiList(USER_LIST, { summary: 'List users', description: 'q searches e-mail, full name and phone.', type: AdminUserView })
  async list(@ListParams(USER_LIST) query: ListQuery): Promise<ListPage<AdminUserView>> {
    return (await this.users.list(query)).map(toAdminUserView);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user', description: 'Never a password or its hash. 404 NOT_FOUND when no user has this id.' })
  @ApiResponse({ status: 200, type: AdminUserView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<AdminUserView> {
    return toAdminUserView(await this.users.get(id));
  }

  @Post()
  @ApiOperation({
    summary: 'Create a user of any role, with a profile',
    description:
      'admin, staff or customer. The e-mail is unique (400 VALIDATION_FAILED with errors.email when taken); a password outside 8 to 128 characters is 400 with errors.password. The password is stored as an argon2 hash and never shown.',
  })
  @ApiResponse({ status: 201, type: AdminUserView })
  @ApiErrors()
  async create(@Body() body: CreateUserDto): Promise<AdminUserView> {
    return toAdminUserView(await this.users.create(body));
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change role, active flag, profile fields or password (partial)',
    description: 'Deactivating a user or setting a new password ends their sessions. 404 NOT_FOUND when no user has this id.',
  })
  @ApiResponse({ status: 200, type: AdminUserView })
  @ApiErrors('NOT_FOUND')
  async update(@Param('id', IdPipe) id: number, @Body() body: UpdateUserDto): Promise<AdminUserView> {
    return toAdminUserView(await this.users.update(id, body));
  }
}
