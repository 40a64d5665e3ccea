import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { AdminOnly } from '@chance/identity';
import { EmailView } from './dto/email.dto.js';
import { EMAIL_LIST, EmailsService } from './emails.service.js';

@ApiTags('admin: e-mails')
@Controller('admin/emails')
@AdminOnly()
export class AdminEmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get()
  @ApiList(EMAIL_LIST, {
    summary: 'The e-mail log, newest first',
    description:
      'q searches recipient and subject; filter status, template, createdAt_gte/lte. Bodies are not kept: a code or a link is made when its e-mail is sent.',
    type: EmailView,
  })
  list(@ListParams(EMAIL_LIST) query: ListQuery): Promise<ListPage<EmailView>> {
    return this.emails.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One logged e-mail',
    description: 'Recipient, subject, template and delivery status; bodies are not kept. 404 NOT_FOUND when no e-mail has this id.',
  })
  @ApiResponse({ status: 200, type: EmailView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<EmailView> {
    return this.emails.get(id);
  }
}
