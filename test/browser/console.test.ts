// The console in a real browser: Debian's Chromium against the real API and the built
// console, over a fresh copy of the demo county. What a person sees is checked against
// what the database holds, never against figures written into the test.
import { sql } from 'kysely';
import type { Page, Response } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  apiResponse as waitForApi,
  menuItem as menuEntry,
  screenshot,
  signIn as signInAs,
  WAIT,
} from './console-page.js';
import { useConsoleSession } from './console-session.js';

const TEST_TIMEOUT = 60_000;

const ROWS = 'tbody tr.RaDatagrid-row';
const PAGINATION_TEXT = '.MuiTablePagination-displayedRows';

const session = useConsoleSession(() => createTestApp());
let t: TestApp;
let page: Page;

// ---- facts from the database ----

interface TownshipFacts {
  id: number;
  name: string;
  villageNames: Set<string>;
  peopleCount: number;
  personNames: Set<string>;
}

async function townshipOfUser(username: string): Promise<TownshipFacts> {
  const user = await t.db
    .selectFrom('users')
    .select('township_id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  if (user.township_id === null) throw new Error(`${username} has no township`);
  return townshipFacts(user.township_id);
}

async function townshipFacts(id: number): Promise<TownshipFacts> {
  const township = await t.db
    .selectFrom('townships')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const villages = await t.db.selectFrom('villages').select('name').where('township_id', '=', id).execute();
  const people = await t.db.selectFrom('people').select('name').where('township_id', '=', id).execute();
  return {
    id: township.id,
    name: township.name,
    villageNames: new Set(villages.map((v) => v.name)),
    peopleCount: people.length,
    personNames: new Set(people.map((p) => p.name)),
  };
}

// ---- browser helpers ----

// The shared helpers, on this test's page.
const apiResponse = (prefix: string, options?: Parameters<typeof waitForApi>[2]): Promise<Response> =>
  waitForApi(page, prefix, options);
const signIn = (username: string, password = 'demo') => signInAs(page, session.url, username, password);
const menuItem = (label: string) => menuEntry(page, label);

function listParam(url: URL, name: 'sort' | 'filter' | 'range'): unknown {
  const value = url.searchParams.get(name);
  return value === null ? undefined : JSON.parse(value);
}

async function openSignIn(): Promise<void> {
  await page.goto(`${session.url}/`);
  await page.waitForSelector('.qinglan-login-form #username', { timeout: WAIT });
}

async function fillSignIn(username: string, password: string): Promise<void> {
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('.qinglan-login-form button[type=submit]');
}

/**
 * Waits until every row's reference cells (village, township) have been filled in. A cell
 * that never fills (a village the API would not return) is left for the assertions on the
 * rows' text to report, rather than ending in a bare timeout here.
 */
async function waitForRowsResolved(): Promise<void> {
  await page.waitForSelector(ROWS, { timeout: WAIT });
  await page
    .waitForFunction(
      (selector) => {
        const rows = Array.from(document.querySelectorAll(selector));
        return (
          rows.length > 0 &&
          rows.every((row) => {
            const cell = row.querySelector('td.column-villageId') as HTMLElement | null;
            const lines = (cell?.innerText ?? '')
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean);
            return lines.length >= 2;
          })
        );
      },
      ROWS,
      { timeout: WAIT / 2 },
    )
    .catch(() => undefined);
}

async function columnTexts(column: string): Promise<string[]> {
  return (await page.locator(`${ROWS} td.column-${column}`).allInnerTexts()).map((text) => text.trim());
}

/** The total the pagination shows: "第 1-25 条，共 N 条". */
async function paginationTotal(): Promise<number> {
  const text = await page.locator(PAGINATION_TEXT).first().innerText();
  const match = /共\s*(\d+)\s*条/.exec(text);
  if (!match) throw new Error(`pagination text not understood: ${text}`);
  return Number(match[1]);
}

async function bodyText(): Promise<string> {
  return page.locator('body').innerText();
}

// ---- lifecycle ----

beforeAll(() => {
  t = session.t;
});

beforeEach(() => {
  page = session.page;
});

// ---- tests ----

describe('console in Chromium', () => {
  it(
    'a township officer signs in in Chinese and sees only their township’s people, personal data masked',
    async () => {
      const township = await townshipOfUser('officer-01');
      const withPosition = await t.db
        .selectFrom('people as p')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('p.township_id', '=', township.id)
        .where(({ exists, selectFrom }) =>
          exists(selectFrom('positions as s').select('s.id').whereRef('s.person_id', '=', 'p.id')),
        )
        .executeTakeFirstOrThrow();

      await openSignIn();
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      const form = page.locator('.qinglan-login-form');
      expect(await form.locator('label[for=username]').innerText()).toContain('用户名');
      expect(await form.locator('label[for=password]').innerText()).toContain('密码');
      expect((await form.locator('button[type=submit]').innerText()).trim()).toBe('登录');

      const stats = apiResponse('/api/stats', { status: 200 });
      const login = apiResponse('/api/auth/login', { method: 'POST' });
      await fillSignIn('officer-01', 'demo');
      expect((await login).status()).toBe(200);
      await stats;

      // the dashboard counts the township's cadres
      const cadresStat = page.locator('.qinglan-stat-card[data-stat=cadres] .qinglan-stat-value');
      await page.waitForFunction(
        (selector) => /\d/.test(document.querySelector(selector)?.textContent ?? ''),
        '.qinglan-stat-card[data-stat=cadres] .qinglan-stat-value',
        { timeout: WAIT },
      );
      expect(Number((await cadresStat.innerText()).replace(/\D/g, ''))).toBe(withPosition.n);

      const list = apiResponse('/api/cadres', { status: 200, test: (url) => url.searchParams.has('range') });
      await menuItem('村(社区)干部').click();
      await list;
      await waitForRowsResolved();
      expect(page.url()).toContain('#/cadres');

      const rows = page.locator(ROWS);
      const rowCount = await rows.count();
      expect(rowCount).toBe(Math.min(25, township.peopleCount));

      const places = await columnTexts('villageId');
      for (const place of places) {
        const [village, townshipName] = place
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        expect(townshipName, `row's place "${place}"`).toBe(township.name);
        expect(township.villageNames.has(village), `${village} is not a village of ${township.name}`).toBe(true);
      }
      for (const name of await columnTexts('name')) {
        expect(township.personNames.has(name), `${name} is not on ${township.name}'s roster`).toBe(true);
      }

      expect(await paginationTotal()).toBe(township.peopleCount);

      const idNumbers = await columnTexts('idNumber');
      const phones = await columnTexts('phone');
      expect(idNumbers).toHaveLength(rowCount);
      expect(phones).toHaveLength(rowCount);
      for (const value of [...idNumbers, ...phones]) expect(value).toContain('****');
      for (const value of idNumbers) expect(value).toMatch(/^\*{16}[\dX]{2}$/);
      for (const value of phones) expect(value).toMatch(/^1\d{2}\*+\d{4}$/);

      await screenshot(page, 'console-cadres');
    },
    TEST_TIMEOUT,
  );

  it(
    'searching the cadres list narrows it by name, and a column header sorts it',
    async () => {
      const township = await townshipOfUser('officer-01');
      // the commonest surname of the township: it narrows the list without emptying it
      const surnames = await t.db
        .selectFrom('people')
        .select([sql<string>`left(name, 1)`.as('surname'), sql<number>`count(*)::int`.as('n')])
        .where('township_id', '=', township.id)
        .groupBy(sql`left(name, 1)`)
        .orderBy('n', 'desc')
        .orderBy('surname')
        .execute();
      const surname = surnames.find((s) => s.n < township.peopleCount)!.surname;
      const matching = await t.db
        .selectFrom('people')
        .select('name')
        .where('township_id', '=', township.id)
        .where('name', 'like', `%${surname}%`)
        .execute();
      expect(matching.length).toBeGreaterThan(0);
      expect(matching.length).toBeLessThan(township.peopleCount);

      await signIn('officer-01');
      const firstList = apiResponse('/api/cadres', { status: 200, test: (url) => url.searchParams.has('range') });
      await menuItem('村(社区)干部').click();
      await firstList;
      await waitForRowsResolved();
      expect(await paginationTotal()).toBe(township.peopleCount);

      // search
      const searched = apiResponse('/api/cadres', {
        status: 200,
        test: (url) => (listParam(url, 'filter') as { q?: string } | undefined)?.q === surname,
      });
      await page.fill('input[name=q]', surname);
      await searched;
      await expect.poll(async () => paginationTotal().catch(() => -1), { timeout: WAIT }).toBe(matching.length);
      const names = await columnTexts('name');
      expect(names).toHaveLength(Math.min(25, matching.length));
      for (const name of names) expect(name).toContain(surname);

      // sort by age, then the other way round; the shown order is the database's
      const byAge = (order: 'asc' | 'desc') =>
        t.db
          .selectFrom('people')
          .select('name')
          .where('township_id', '=', township.id)
          .where('name', 'like', `%${surname}%`)
          .orderBy(sql`date_part('year', age(birth_date))`, order)
          .orderBy('id')
          .limit(25)
          .execute()
          .then((rows) => rows.map((r) => r.name));
      const ascending = await byAge('asc');
      const descending = await byAge('desc');
      expect(ascending).not.toEqual(names);

      const sortedUp = apiResponse('/api/cadres', {
        status: 200,
        test: (url) => JSON.stringify(listParam(url, 'sort')) === '["age","ASC"]',
      });
      await page.locator('thead th.column-age').getByRole('button').click();
      await sortedUp;
      await expect.poll(() => columnTexts('name'), { timeout: WAIT }).toEqual(ascending);
      const agesUp = (await columnTexts('age')).map(Number);
      expect(agesUp).toEqual([...agesUp].sort((a, b) => a - b));
      for (const name of await columnTexts('name')) expect(name).toContain(surname);

      const sortedDown = apiResponse('/api/cadres', {
        status: 200,
        test: (url) => JSON.stringify(listParam(url, 'sort')) === '["age","DESC"]',
      });
      await page.locator('thead th.column-age').getByRole('button').click();
      await sortedDown;
      await expect.poll(() => columnTexts('name'), { timeout: WAIT }).toEqual(descending);
      const agesDown = (await columnTexts('age')).map(Number);
      expect(agesDown).toEqual([...agesDown].sort((a, b) => b - a));
      expect(agesDown).not.toEqual(agesUp);
    },
    TEST_TIMEOUT,
  );

  it(
    'a wrong password shows 用户名或密码错误 and sets no session cookie',
    async () => {
      await openSignIn();
      const login = apiResponse('/api/auth/login', { method: 'POST' });
      await fillSignIn('officer-01', 'not-the-password');
      expect((await login).status()).toBe(401);

      const error = page.locator('.qinglan-login-error');
      await error.waitFor({ state: 'visible' });
      expect(await error.innerText()).toContain('用户名或密码错误');

      const cookies = await page.context().cookies();
      expect(cookies.map((c) => c.name)).not.toContain('qinglan_session');
      expect(cookies.map((c) => c.name)).not.toContain('qinglan_csrf');
      // still on the sign-in page, not in the console
      expect(await page.locator('.qinglan-login-form').isVisible()).toBe(true);
      expect(await page.locator('.RaLayout-appFrame').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'the locale menu in the app bar switches the console to English and back to Chinese',
    async () => {
      await signIn('officer-01');
      await menuItem('村(社区)干部').waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

      const appBar = page.locator('header');
      await appBar.getByRole('button', { name: '简体中文' }).click();
      await page.getByRole('menuitem', { name: 'English', exact: true }).click();

      await menuItem('Village cadres').waitFor();
      for (const label of ['Townships', 'Villages', 'Village cadres']) {
        expect(await menuItem(label).count(), label).toBe(1);
      }
      expect(await menuItem('村(社区)干部').count()).toBe(0);
      expect(await page.getAttribute('html', 'lang')).toBe('en');

      await appBar.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '简体中文', exact: true }).click();

      await menuItem('村(社区)干部').waitFor();
      for (const label of ['乡镇(街道)', '村(社区)', '村(社区)干部']) {
        expect(await menuItem(label).count(), label).toBe(1);
      }
      expect(await menuItem('Village cadres').count()).toBe(0);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    },
    TEST_TIMEOUT,
  );

  it(
    'a cadre sees only their own record, with their full ID number',
    async () => {
      const user = await t.db
        .selectFrom('users')
        .select('person_id')
        .where('username', '=', 'cadre-0001')
        .executeTakeFirstOrThrow();
      const person = await t.db
        .selectFrom('people')
        .select(['id', 'name', 'id_number', 'phone'])
        .where('id', '=', user.person_id!)
        .executeTakeFirstOrThrow();

      const list = apiResponse('/api/cadres', { status: 200, test: (url) => url.searchParams.has('range') });
      await signIn('cadre-0001');
      await list;
      await waitForRowsResolved();

      expect(await menuItem('我的档案').count()).toBe(1);
      expect(await page.locator(ROWS).count()).toBe(1);
      expect(await paginationTotal()).toBe(1);
      expect(await columnTexts('name')).toEqual([person.name]);
      // lists are masked for everyone
      expect((await columnTexts('idNumber'))[0]).toContain('****');

      const show = apiResponse(`/api/cadres/${person.id}`, { status: 200 });
      await page.locator(ROWS).first().click();
      await show;
      const idNumber = page.locator('.qinglan-id-number');
      await idNumber.waitFor();
      expect(page.url()).toContain(`#/cadres/${person.id}/show`);
      expect((await idNumber.innerText()).trim()).toBe(person.id_number);
      expect((await page.locator('.qinglan-phone').innerText()).trim()).toBe(person.phone);
      expect(await page.locator('.qinglan-pii-masked').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'a township officer opening another township’s cadre by URL sees none of their data',
    async () => {
      const own = await townshipOfUser('officer-01');
      const other = await t.db
        .selectFrom('townships')
        .select('id')
        .where('id', '!=', own.id)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      // someone whose name no one in the officer's township shares, so its absence means something
      const candidates = await t.db
        .selectFrom('people')
        .select(['id', 'name', 'id_number'])
        .where('township_id', '=', other.id)
        .orderBy('id')
        .execute();
      const stranger = candidates.find((p) => !own.personNames.has(p.name));
      expect(stranger).toBeDefined();

      await signIn('officer-01');
      await menuItem('村(社区)干部').waitFor();

      const refused = apiResponse(`/api/cadres/${stranger!.id}`, { method: 'GET' });
      const listAfter = apiResponse('/api/cadres', { status: 200, test: (url) => url.searchParams.has('range') });
      await page.goto(`${session.url}/#/cadres/${stranger!.id}/show`);
      expect((await refused).status()).toBe(404);

      await page.getByText('记录不存在').first().waitFor({ state: 'visible' });
      // react-admin goes back to the list: the officer's own people, still signed in
      await listAfter;
      await waitForRowsResolved();

      const text = await bodyText();
      expect(text).not.toContain(stranger!.name);
      expect(text).not.toContain(stranger!.id_number);
      expect(await page.locator('.qinglan-id-number').count()).toBe(0);
      for (const name of await columnTexts('name')) expect(own.personNames.has(name)).toBe(true);
    },
    TEST_TIMEOUT,
  );
});
