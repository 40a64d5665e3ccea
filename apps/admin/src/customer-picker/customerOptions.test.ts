// The customer pickers' pure part: option labels, the one list over both kinds, and which field a pick sets.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, test } from 'vitest';
import {
  accountOption,
  accountText,
  customerBody,
  customerOptions,
  fieldsForPick,
  inStoreOption,
  inStoreText,
  kindHeading,
  pickedCustomer,
} from './customerOptions';
import { assigneeFilter, assigneeText, staffAssigneeChoices } from './assignee';

const maria = { id: 5, fullName: 'Maria Gonzalez', email: 'maria@example.com', phone: '+1 555 0199' };
const rosa = { id: 5, name: 'Rosa Diaz', phone: '+1 555 0177', email: null };

describe('customer option labels', () => {
  test('an account shows its name, e-mail and phone; the parts it lacks are left out', () => {
    assert.equal(accountText(maria), 'Maria Gonzalez · maria@example.com · +1 555 0199');
    assert.equal(accountText({ ...maria, phone: null }), 'Maria Gonzalez · maria@example.com');
    assert.equal(accountText({ ...maria, fullName: '  ' }), 'maria@example.com · +1 555 0199');
  });

  test('an in-store customer shows its name, phone and e-mail when known', () => {
    assert.equal(inStoreText(rosa), 'Rosa Diaz · +1 555 0177');
    assert.equal(inStoreText({ ...rosa, email: 'rosa@example.com' }), 'Rosa Diaz · +1 555 0177 · rosa@example.com');
  });

  test('an option has a title (the name, else the e-mail) and a detail line, and a key unique over both kinds', () => {
    assert.deepEqual(accountOption(maria), {
      key: 'account:5',
      kind: 'account',
      id: 5,
      title: 'Maria Gonzalez',
      detail: 'maria@example.com · +1 555 0199',
      label: 'Maria Gonzalez · maria@example.com · +1 555 0199',
    });
    assert.deepEqual(accountOption({ ...maria, fullName: '', phone: null }), {
      key: 'account:5',
      kind: 'account',
      id: 5,
      title: 'maria@example.com',
      detail: '',
      label: 'maria@example.com',
    });
    assert.deepEqual(inStoreOption(rosa), {
      key: 'inStore:5',
      kind: 'inStore',
      id: 5,
      title: 'Rosa Diaz',
      detail: '+1 555 0177',
      label: 'Rosa Diaz · +1 555 0177',
    });
  });

  test('the search over both lists the accounts first, then the in-store customers, under their headings', () => {
    const options = customerOptions([maria, { ...maria, id: 6, fullName: 'Mario' }], [rosa]);
    assert.deepEqual(
      options.map((option) => option.key),
      ['account:5', 'account:6', 'inStore:5'],
    );
    assert.deepEqual(
      options.map((option) => kindHeading(option.kind)),
      ['Accounts', 'Accounts', 'In-store customers'],
    );
    assert.deepEqual(customerOptions(undefined, undefined), []);
  });
});

describe('which field a pick sets', () => {
  test('an account sets customerId and clears offlineCustomerId; an in-store customer the other way round; nothing clears both', () => {
    assert.deepEqual(fieldsForPick({ kind: 'account', id: 5 }), { customerId: 5, offlineCustomerId: null });
    assert.deepEqual(fieldsForPick({ kind: 'inStore', id: 7 }), { customerId: null, offlineCustomerId: 7 });
    assert.deepEqual(fieldsForPick(null), { customerId: null, offlineCustomerId: null });
  });

  test('a pick read back from the form is the pick made, and the body carries exactly that one field', () => {
    fc.assert(
      fc.property(fc.constantFrom('account' as const, 'inStore' as const), fc.integer({ min: 1, max: 2 ** 31 }), (kind, id) => {
        const fields = fieldsForPick({ kind, id });
        assert.deepEqual(pickedCustomer(fields), { kind, id });
        const body = customerBody(fields);
        assert.deepEqual(body, kind === 'account' ? { customerId: id } : { offlineCustomerId: id });
      }),
    );
  });

  test('empty, zero and non-numeric values are no customer; ids typed as text count', () => {
    assert.equal(pickedCustomer({}), null);
    assert.equal(pickedCustomer({ customerId: '', offlineCustomerId: null }), null);
    assert.equal(pickedCustomer({ customerId: 0, offlineCustomerId: 'abc' }), null);
    assert.deepEqual(pickedCustomer({ customerId: '12' }), { kind: 'account', id: 12 });
    assert.deepEqual(customerBody({ customerId: null, offlineCustomerId: null }), {});
  });
});

describe('the assignee', () => {
  test('admins search active admins and staff; each is named with its role', () => {
    assert.deepEqual(assigneeFilter, { role: ['admin', 'staff'], isActive: true });
    assert.equal(assigneeText({ fullName: 'Sam Staff', email: 'sam@example.com', role: 'staff' }), 'Sam Staff · sam@example.com (staff)');
    assert.equal(assigneeText({ fullName: '', email: 'ann@example.com', role: 'admin' }), 'ann@example.com (admin)');
  });

  test('a staff member chooses themselves; someone else already assigned stays a choice, by number', () => {
    assert.deepEqual(staffAssigneeChoices({ id: 3, fullName: 'Sam Staff' }, null), [{ id: 3, name: 'Me (Sam Staff)' }]);
    assert.deepEqual(staffAssigneeChoices({ id: 3, fullName: 'Sam Staff' }, 3), [{ id: 3, name: 'Me (Sam Staff)' }]);
    assert.deepEqual(staffAssigneeChoices({ id: 3 }, 8), [
      { id: 3, name: 'Me' },
      { id: 8, name: 'Team member #8' },
    ]);
    assert.deepEqual(staffAssigneeChoices(undefined, ''), []);
  });
});
