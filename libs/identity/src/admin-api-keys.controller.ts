import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { AdminOnly, CurrentUser, type Caller } from './access.js';
import { API_KEY_LIST, ApiKeysService } from './api-keys.service.js';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './dto/api-key.dto.js';

@ApiTags('admin: API keys')
@Controller('admin/api-keys')
@AdminOnly()
export class AdminApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiList(API_KEY_LIST, {
    summary: 'List API keys',
    description: 'q searches name and prefix; filter revoked (true/false) and role. Secrets are never listed.',
    type: ApiKeyView,
  })
  list(@ListParams(API_KEY_LIST) query: ListQuery): Promise<ListPage<ApiKeyView>> {
    return this.keys.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One API key',
    description: 'Its name, prefix, role and use; never its secret (shown once, at creation). 404 NOT_FOUND when no key has this id.',
  })
  @ApiResponse({ status: 200, type: ApiKeyView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<ApiKeyView> {
    return this.keys.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'The answer carries `secret` (ck_ + 256 random bits) this once: only its hash is kept. Send it as `Authorization: Bearer ck_…` to the admin API; ' +
      'it acts with its role (read_only: every admin GET staff may make, nothing else) for the admin who created it, while they are an active admin. ' +
      'On /api/me, the store API and /api/auth it is 401.',
  })
  @ApiResponse({ status: 201, type: CreatedApiKeyView })
  @ApiErrors()
  create(@Body() body: CreateApiKeyDto, @CurrentUser() caller: Caller): Promise<CreatedApiKeyView> {
    return this.keys.create(body, caller.id);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'Refused from this moment on, by every API process. The key stays listed with revokedAt. 404 NOT_FOUND when no key has this id.',
  })
  @ApiResponse({ status: 200, type: ApiKeyView })
  @ApiErrors('NOT_FOUND')
  revoke(@Param('id', IdPipe) id: number): Promise<ApiKeyView> {
    return this.keys.revoke(id);
  }
}
