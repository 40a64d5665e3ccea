// Paid services and the booking calendar in the admin SPA, in Chromium against the real, built API
// (run `npm run build` first): a booking for an in-store customer paid in two parts on its page
// (more than the balance refused, no third payment offered), completed, and its invoice issued
// (number, paid, PDF); then the calendar: next week's bookings from one list request for the
// range, a drag that moves a booking (PUT scheduledAt), a drag the API refuses put back with its
// reason, the assignee filter, and the day view on a phone.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { startApi } from '../support/api-process.js';
import { FILE_TIMEOUT_MS, launchBrowser, openPage, signOut } from '../support/browser.js';
import { adminToken, isAdminRequest, request, screenshots, setTaxRate, shot, signIn } from '../support/sales-fixtures.js';

const admin = { email: 'calendar.admin@chance.test', password: 'e2e-Admin-passw0rd' };
const sam = { email: 'sam.staff@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Sam Staff', role: 'staff' };
const tara = { email: 'tara.tech@chance.test', password: 'e2e-Staff-passw0rd', fullName: 'Tara Tech', role: 'staff' };
const walkIn = { name: 'Ivan Walker', phone: '+1 555 0190' };

/** Local midnight of next week's Monday (the calendar's weeks start on Monday): every day of it lies in the future. */
function nextMonday(now = new Date()) {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const untilMonday = (8 - day.getDay()) % 7 || 7;
  day.setDate(day.getDate() + untilMonday);
  return day;
}

/** `monday` + `days`, at `hour`:`minute` local time. */
function at(monday, days, hour, minute = 0) {
  return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + days, hour, minute);
}

/** "2026-12-15", the local date FullCalendar puts in a day column's data-date. */
const localDate = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

describe('paid services and the booking calendar in the admin SPA', { timeout: FILE_TIMEOUT_MS }, () => {
  let api;
  let browser;
  let page;
  let token;
  const pageErrors = [];
  const made = {};
  const monday = nextMonday();

  const call = async (method, path, body, status) => {
    const answer = await request(api.baseUrl, method, path, { body, token });
    assert.equal(answer.status, status, `${method} ${path}: ${JSON.stringify(answer.json)}`);
    return answer.json;
  };
  const book = (scheduledAt, assigneeId) =>
    call(
      'POST',
      '/api/admin/bookings',
      { offlineCustomerId: made.walkIn.id, serviceTypeId: made.service.id, scheduledAt: scheduledAt.toISOString(), address: '4 Kiln Street', assigneeId },
      201,
    );

  before(async () => {
    await mkdir(screenshots, { recursive: true });
    api = await startApi({ adminEmail: admin.email, adminPassword: admin.password });
    token = await adminToken(api.baseUrl, admin);
    await setTaxRate(api.baseUrl, token, 2000); // 20 %
    made.service = await call('POST', '/api/admin/service-types', { name: 'Boiler service', price: 8000, durationMinutes: 60 }, 201);
    made.walkIn = await call('POST', '/api/admin/offline-customers', walkIn, 201);
    made.sam = await call('POST', '/api/admin/users', sam, 201);
    made.tara = await call('POST', '/api/admin/users', tara, 201);
    // Tuesday 10:00 (Sam): paid and completed in the first test; Tuesday 14:00 (Tara): dragged;
    // Wednesday 09:00 (Sam): cancelled behind the calendar's back, so its drag is refused.
    made.paid = await book(at(monday, 1, 10), made.sam.id);
    made.moved = await book(at(monday, 1, 14), made.tara.id);
    made.refused = await book(at(monday, 2, 9), made.sam.id);
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  const chip = (label) => page.locator('main .MuiChip-label', { hasText: new RegExp(`^${label}$`) });
  const totals = () => page.getByRole('table', { name: 'Totals' });
  const notification = () => page.locator('.MuiSnackbarContent-message, .MuiAlert-message').first();
  const event = (bookingId) => page.locator('.fc-event', { has: page.locator(`[data-booking-id="${bookingId}"]`) });
  /** The day column (data-date) and the start time FullCalendar shows for a booking's event. */
  const placeOf = (bookingId) =>
    event(bookingId).evaluate((element) => ({
      date: element.closest('td[data-date]')?.getAttribute('data-date'),
      time: element.querySelector('.fc-event-main')?.innerText.split('\n').at(-1).split(' · ')[0],
    }));

  /** The calendar's column for `date`'s day (week and day views). */
  const dayColumn = (date) => page.locator(`td.fc-timegrid-col[data-date="${localDate(date)}"]`);
  /** Waits for the week view of the week from `weekStart`; what the calendar shows instead, if not. */
  async function weekShown(weekStart) {
    const days = Array.from({ length: 7 }, (_, day) => localDate(at(weekStart, day, 0)));
    try {
      await page.waitForFunction(
        (expected) => {
          const shown = [...document.querySelectorAll('.fc-timeGridWeek-view td.fc-timegrid-col[data-date]')].map((column) => column.dataset.date);
          return JSON.stringify(shown) === JSON.stringify(expected);
        },
        days,
        { timeout: 15_000 },
      );
    } catch (error) {
      const shown = await page.evaluate(() => ({
        title: document.querySelector('[data-testid="calendar-title"]')?.textContent,
        view: document.querySelector('.fc-view')?.className,
        columns: [...document.querySelectorAll('td.fc-timegrid-col[data-date]')].map((column) => column.dataset.date),
        url: location.href,
      }));
      throw new Error(`the week from ${days[0]} is not shown: ${JSON.stringify(shown)}`, { cause: error });
    }
  }

  /** Drags a booking's event by its top edge onto `date`'s column at `time` ("16:00:00"), as a mouse would. */
  async function drag(bookingId, date, time) {
    // the target time in the middle of the calendar's scroller and of the window, away from the
    // edges where FullCalendar scrolls by itself during a drag
    const lane = page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`);
    await lane.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const source = await event(bookingId).boundingBox();
    const row = await lane.boundingBox();
    const column = await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox();
    const viewport = page.viewportSize();
    assert.ok(source.y > 0 && row.y > 0 && source.y < viewport.height && row.y < viewport.height, 'both ends of the drag on screen');
    const from = { x: source.x + source.width / 2, y: source.y + 4 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 10, from.y + 10, { steps: 5 });
    await page.mouse.move(column.x + column.width / 2, row.y + 4, { steps: 20 });
    await page.mouse.up();
  }

  test('a booking for an in-store customer paid in two parts and completed (invoice issued)', async () => {
    await signIn(page, api.baseUrl, admin);
    await page.goto(`${api.baseUrl}/#/bookings/${made.paid.id}/show`);
    await page.locator('main a', { hasText: `${walkIn.name} (in store)` }).waitFor();
    await chip('Unpaid').waitFor();
    // 80.00 + 20 % tax = 96.00
    assert.match(await totals().innerText(), /Subtotal\s+\$80\.00\s+Tax \(20\.00 %\)\s+\$16\.00\s+Total\s+\$96\.00\s+Paid\s+\$0\.00\s+Balance due\s+\$96\.00/);
    await page.getByText('Issued when completed').waitFor();
    assert.match(await page.locator('main').innerText(), /Sam Staff/, 'the assignee by name');

    // The first part: more than the balance is refused in the dialog, before anything is sent.
    await page.getByRole('button', { name: 'Record payment' }).click();
    let dialog = page.getByRole('dialog', { name: 'Record a payment' });
    const amount = dialog.getByLabel('Amount');
    assert.equal(await amount.inputValue(), '96.00', 'prefilled with the balance');
    await amount.fill('100');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await dialog.getByText('At most the balance due, $96.00').waitFor();
    await amount.fill('40');
    await dialog.getByLabel('Reference').fill('Deposit');
    let paid = page.waitForResponse(isAdminRequest('POST', `bookings/${made.paid.id}/payments`));
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    let response = await paid;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { amount: 4000, method: 'cash', reference: 'Deposit' });
    await dialog.waitFor({ state: 'detached' });
    await chip('Partially paid').waitFor();
    await totals()
      .filter({ hasText: /Balance due\s*\$56\.00/ })
      .waitFor();

    // The second part: exactly the balance, by card.
    await page.getByRole('button', { name: 'Record payment' }).click();
    dialog = page.getByRole('dialog', { name: 'Record a payment' });
    assert.equal(await dialog.getByLabel('Amount').inputValue(), '56.00');
    await dialog.getByRole('combobox', { name: 'Method' }).click();
    await page.getByRole('option', { name: 'Card', exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    paid = page.waitForResponse(isAdminRequest('POST', `bookings/${made.paid.id}/payments`));
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    response = await paid;
    assert.equal(response.status(), 201, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { amount: 5600, method: 'card' });
    await dialog.waitFor({ state: 'detached' });
    await chip('Paid').waitFor();
    assert.match(await totals().innerText(), /Paid\s+\$96\.00\s+Balance due\s+\$0\.00/);
    // A third is not offered, and the API refuses one.
    await page.getByRole('button', { name: 'Record payment' }).waitFor({ state: 'detached' });
    const third = await request(api.baseUrl, 'POST', `/api/admin/bookings/${made.paid.id}/payments`, { body: { amount: 1, method: 'cash' }, token });
    assert.equal(third.status, 409, JSON.stringify(third.json));
    assert.equal(third.json.code, 'OVERPAYMENT');
    assert.match(await page.locator('tr', { hasText: 'Deposit' }).innerText(), /\$40\.00\s+Cash\s+Deposit/);
    assert.match(await page.locator('tr', { hasText: '$56.00' }).innerText(), /\$56\.00\s+Card/);
    await shot(page, 'booking-paid');

    // Done: the invoice is issued, paid, and its PDF comes.
    await page.getByRole('button', { name: /^Complete/ }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('Mark this visit as done?').waitFor();
    const completed = page.waitForResponse(isAdminRequest('POST', `bookings/${made.paid.id}/status`));
    await confirm.getByRole('button', { name: 'Mark as done' }).click();
    assert.equal((await completed).status(), 200);
    const invoiceField = page.getByTestId('booking-invoice');
    await invoiceField.getByRole('link', { name: /^INV-/ }).waitFor();
    await invoiceField.locator('.MuiChip-label', { hasText: /^Paid$/ }).waitFor();
    await chip('Completed').waitFor();
    const booking = await call('GET', `/api/admin/bookings/${made.paid.id}`, undefined, 200);
    const invoice = await call('GET', `/api/admin/invoices/${booking.invoiceId}`, undefined, 200);
    assert.equal(await invoiceField.getByRole('link').innerText(), invoice.number);
    assert.equal(invoice.paymentStatus, 'paid');
    await shot(page, 'booking-completed-invoice');

    const pdf = page.waitForResponse(isAdminRequest('GET', `invoices/${invoice.id}/pdf`));
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Invoice PDF' }).click();
    const pdfResponse = await pdf;
    assert.equal(pdfResponse.status(), 200);
    assert.match(pdfResponse.headers()['content-type'], /application\/pdf/);
    assert.match((await downloaded).suggestedFilename(), /\.pdf$/);

    // The invoice's page names the booking it is for.
    await invoiceField.getByRole('link').click();
    await page.waitForURL(new RegExp(`#/invoices/${invoice.id}/show`));
    await page.locator('main').getByText('Bill to').waitFor(); // the invoice's page, not the booking's we come from
    await page.locator(`main a[href="#/bookings/${made.paid.id}/show"]`).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(`Booking\\s+Boiler service`));
    await shot(page, 'booking-invoice-page');

    // The invoices list names it too, where an order's invoice names its order.
    await page.goto(`${api.baseUrl}/#/invoices`);
    const row = page.locator('tbody tr', { hasText: invoice.number });
    await row.locator(`a[href="#/bookings/${made.paid.id}/show"]`).waitFor();
    assert.match(await row.innerText(), /Boiler service/);
  });

  test('the calendar: next week from one request, a drag moves a booking, a refused drag goes back, the assignee filter', async () => {
    const listRequests = [];
    const onRequest = (sent) => {
      const url = new URL(sent.url());
      if (sent.method() === 'GET' && url.pathname === '/api/admin/bookings') listRequests.push(JSON.parse(url.searchParams.get('filter') ?? '{}'));
    };
    page.on('request', onRequest);
    // tall enough for a working day of the week view, both ends of each drag on screen
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.goto(`${api.baseUrl}/#/bookings`);
    await page.getByRole('tablist', { name: 'Booking status' }).waitFor();
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.waitForURL(/#\/bookings\?view=calendar$/);
    await page.getByTestId('booking-calendar').waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await weekShown(monday);
    await event(made.moved.id).waitFor();

    // One request for the week shown, its first instant to its last (not one per day).
    const weekFilter = { from: monday.toISOString(), to: new Date(at(monday, 7, 0).getTime() - 1).toISOString() };
    assert.equal(listRequests.filter((filter) => filter.from === weekFilter.from && filter.to === weekFilter.to).length, 1, JSON.stringify(listRequests));
    // (the list's own requests came before the switch; every calendar request is one whole week)
    const calendarRequests = listRequests.filter((filter) => 'from' in filter || 'to' in filter);
    assert.ok(calendarRequests.length >= 2, JSON.stringify(listRequests));
    assert.ok(
      calendarRequests.every((filter) => Date.parse(filter.to) - Date.parse(filter.from) === 7 * 86_400_000 - 1),
      JSON.stringify(listRequests),
    );

    // Service, customer and status on each; the completed one in its colour and fixed.
    assert.match(await event(made.moved.id).innerText(), new RegExp(`Boiler service\\s+${walkIn.name} \\(in store\\)\\s+.*Pending`));
    assert.match(await event(made.paid.id).innerText(), /Completed/);
    assert.match(await event(made.paid.id).getAttribute('class'), /booking-completed/);
    assert.doesNotMatch(await event(made.paid.id).getAttribute('class'), /fc-event-draggable/);
    assert.match(await event(made.moved.id).getAttribute('class'), /fc-event-draggable/);
    assert.deepEqual((await placeOf(made.moved.id)).date, localDate(at(monday, 1, 14)));
    await shot(page, 'booking-calendar-week');

    // Tuesday 14:00 → Thursday 16:00.
    const target = at(monday, 3, 16);
    const put = page.waitForResponse(isAdminRequest('PUT', `bookings/${made.moved.id}`));
    await drag(made.moved.id, localDate(target), '16:00:00');
    const response = await put;
    assert.equal(response.status(), 200, await response.text());
    assert.deepEqual(response.request().postDataJSON(), { scheduledAt: target.toISOString() });
    await notification()
      .filter({ hasText: /Boiler service moved to/ })
      .waitFor();
    assert.equal((await call('GET', `/api/admin/bookings/${made.moved.id}`, undefined, 200)).scheduledAt, target.toISOString());
    assert.equal((await placeOf(made.moved.id)).date, localDate(target));

    // Cancelled meanwhile (elsewhere): the calendar still offers the drag, the API refuses it, the event goes back.
    await call('POST', `/api/admin/bookings/${made.refused.id}/status`, { status: 'cancelled' }, 200);
    const original = await placeOf(made.refused.id);
    const refused = page.waitForResponse(isAdminRequest('PUT', `bookings/${made.refused.id}`));
    await drag(made.refused.id, localDate(at(monday, 4, 11)), '11:00:00');
    assert.equal((await refused).status(), 409);
    await notification().filter({ hasText: 'This booking is no longer pending (it was completed or cancelled meanwhile): it stays where it was.' }).waitFor();
    // back in its place, now shown as cancelled (the range is read again)
    await event(made.refused.id).filter({ hasText: 'Cancelled' }).waitFor();
    await page.waitForFunction(
      ([id, date]) => document.querySelector(`[data-booking-id="${id}"]`)?.closest('td[data-date]')?.getAttribute('data-date') === date,
      [made.refused.id, original.date],
    );
    assert.deepEqual(await placeOf(made.refused.id), original);
    assert.equal((await call('GET', `/api/admin/bookings/${made.refused.id}`, undefined, 200)).scheduledAt, made.refused.scheduledAt);
    await shot(page, 'booking-calendar-refused');

    // Sam's visits only: Tara's (the moved one) goes, through the list's assigneeId filter.
    const filtered = page.waitForResponse(
      (answer) => isAdminRequest('GET', 'bookings')(answer) && new URL(answer.url()).searchParams.get('filter')?.includes(`"assigneeId":${made.sam.id}`),
    );
    await page.getByRole('combobox', { name: 'Assigned to' }).click();
    await page.getByRole('option', { name: 'Sam Staff' }).click();
    assert.equal((await filtered).status(), 200);
    await event(made.moved.id).waitFor({ state: 'detached' });
    await event(made.paid.id).waitFor();
    await shot(page, 'booking-calendar-assignee');
    page.off('request', onRequest);

    // A click opens the booking.
    await event(made.paid.id).click();
    await page.waitForURL(new RegExp(`#/bookings/${made.paid.id}/show`));
    await chip('Completed').waitFor();
  });

  test('on a phone the calendar shows one day', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // a phone's browser starts with the menu closed (react-admin's default below 600 px); this one
    // signed in at desktop size, where the menu is open and would cover the page as a drawer
    await page.evaluate(() => localStorage.setItem('RaStore.sidebar.open', 'false'));
    await page.goto(`${api.baseUrl}/#/bookings?view=calendar`);
    await page.reload();
    await page.locator('.fc-timeGridDay-view').waitFor();
    // the Monday it was left on (Sam's visits only, still chosen), then Tuesday with Sam's visit
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await event(made.paid.id).waitFor();
    assert.equal(await page.getByRole('group', { name: 'Calendar view' }).count(), 0, 'no week or month on a phone');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, 'the page is no wider than the phone');
    await shot(page, 'booking-calendar-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('staff see the calendar too, choose between everyone’s visits and their own (they may not list users), and book at an empty time', async () => {
    await signOut(page);
    await signIn(page, api.baseUrl, sam);
    await page.goto(`${api.baseUrl}/#/bookings?view=calendar`);
    await page.getByTestId('booking-calendar').waitFor();
    // next week, wherever the calendar opens (react-admin may reset its store at sign-out): each
    // step waits for the days it shows, so no later check reads the week that was on screen before
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await dayColumn(new Date()).waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await weekShown(monday);
    await event(made.paid.id).waitFor();
    await page.getByRole('combobox', { name: 'Assigned to' }).click();
    const options = await page.getByRole('option').allInnerTexts();
    assert.deepEqual(options, ['Everyone', 'Me']);
    await page.getByRole('option', { name: 'Me' }).click();
    await event(made.paid.id).waitFor();
    await event(made.moved.id).waitFor({ state: 'detached' });
    // the customer is named: staff may read customers and in-store customers
    assert.match(await event(made.paid.id).innerText(), new RegExp(`${walkIn.name} \\(in store\\)`));
    await shot(page, 'booking-calendar-staff');

    // A click on an empty time (Friday 11:00) opens the new booking form at that time.
    const friday = at(monday, 4, 11);
    const lane = page.locator('td.fc-timegrid-slot-lane[data-time="11:00:00"]');
    await lane.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const row = await lane.boundingBox();
    await weekShown(monday);
    const column = await dayColumn(friday).boundingBox();
    await page.mouse.click(column.x + column.width / 2, row.y + row.height / 2);
    await page.waitForURL(/#\/bookings\/create\?source=/);
    const visitTime = page.locator('input[name="scheduledAt"]');
    await visitTime.waitFor();
    const expected = await page.evaluate((iso) => {
      const date = new Date(iso);
      const two = (n) => String(n).padStart(2, '0');
      return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
    }, friday.toISOString());
    assert.equal(await visitTime.inputValue(), expected);
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
