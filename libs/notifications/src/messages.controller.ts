import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { BackOffice, CurrentUser, Roles, SignedIn, type Caller } from '@chance/identity';
import { AdminMessageDto, MessageAcceptedView, MessageDto, MessageView } from './dto/notification.dto.js';
import { MESSAGE_LIST, MY_MESSAGE_LIST, MessagesService } from './messages.service.js';

const accepted = (message: MessageView): MessageAcceptedView => ({ accepted: true, id: message.id });

@ApiTags('me: messages')
@Controller('me/messages')
@SignedIn()
export class MyMessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @ApiOperation({
    summary: 'Your messages, both directions',
    description:
      'The messages the shop wrote to you by name (`to_customer`) and those you wrote (`from_customer`), newest first; filter `direction`. ' +
      'A message the shop sent to every customer is not listed here: it reached you as a notification. Nobody sees another customer’s messages.',
  })
  @ApiList(MY_MESSAGE_LIST)
  @ApiResponse({ status: 200, type: [MessageView] })
  @ApiErrors()
  list(@CurrentUser() caller: Caller, @ListParams(MY_MESSAGE_LIST) query: ListQuery): Promise<ListPage<MessageView>> {
    return this.messages.listOwn(caller.id, query);
  }

  @Post()
  @Roles('customer')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Write to the shop (admins and staff)',
    description:
      'Kept as a `from_customer` message and notified to every admin and staff member, the notification naming you and linking to your account. ' +
      'Title and body must not be blank (at most 200 and 5000 characters: else 400 with field messages). ' +
      'At most RATE_LIMIT_MESSAGES_PER_HOUR (default 10) per hour; beyond, 429 RATE_LIMITED with Retry-After. Customers only (403 for others).',
  })
  @ApiResponse({ status: 202, type: MessageAcceptedView, description: 'Kept, and delivered through the outbox right after' })
  @ApiErrors('RATE_LIMITED')
  async send(@CurrentUser() caller: Caller, @Body() body: MessageDto): Promise<MessageAcceptedView> {
    return accepted(await this.messages.sendFromCustomer(caller.id, { title: body.title, body: body.body }));
  }
}

@ApiTags('admin: messages')
@Controller('admin/messages')
@BackOffice()
export class AdminMessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @ApiOperation({
    summary: 'Messages sent and received, newest first',
    description:
      'Every message: the shop’s (`to_customer`; a message to every customer is one record with `userId` null) and the customers’ (`from_customer`). ' +
      'Filters `userId`, `direction`, `createdAt_gte`/`createdAt_lte`; `q` searches the title and the customer’s name and e-mail. ' +
      '`userName` and `userEmail` are the account’s as they were when the message was sent.',
  })
  @ApiList(MESSAGE_LIST)
  @ApiResponse({ status: 200, type: [MessageView] })
  @ApiErrors()
  list(@ListParams(MESSAGE_LIST) query: ListQuery): Promise<ListPage<MessageView>> {
    return this.messages.list(query);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Message one user, or every customer when userId is absent',
    description:
      'Kept as a `to_customer` message (one record, also for every customer) and audited; the recipients are notified through the outbox right after. ' +
      'A `userId` that does not exist is a 400 on `userId`; title and body must not be blank.',
  })
  @ApiResponse({ status: 202, type: MessageAcceptedView, description: 'Kept, and delivered through the outbox right after' })
  @ApiErrors()
  async send(@CurrentUser() caller: Caller, @Body() body: AdminMessageDto): Promise<MessageAcceptedView> {
    return accepted(await this.messages.sendToCustomer(caller.id, { userId: body.userId, title: body.title, body: body.body }));
  }
}
