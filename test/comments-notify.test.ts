// The form's opt-in to reply mail (`<lede-comments notifications>`), against the reference server
// (test/support/comment-server.mjs) with mail on: what the server answers is what the reader is told.
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comments.js';
import type { LedeComments } from '../src/comments.js';
import { $, control, endpoint, newThread, onServer, root, waitUntil } from './support/comment-api.js';

async function mount(thread: string, { notifications = true, lang }: { notifications?: boolean; lang?: string } = {}): Promise<LedeComments> {
  const wrapper = document.createElement('div');
  if (lang) wrapper.lang = lang;
  if (lang === 'ar') wrapper.dir = 'rtl';
  const element = document.createElement('lede-comments');
  element.setAttribute('endpoint', endpoint);
  element.setAttribute('thread', thread);
  if (notifications) element.setAttribute('notifications', '');
  wrapper.append(element);
  await fixture(wrapper);
  await waitUntil(() => $(element, '.bar p')?.textContent, 'the thread did not load');
  return element;
}

/** Fills the form: name and text as the other form tests do, then by keyboard Space on the checkbox and the address typed. */
async function fill(element: LedeComments, email?: string): Promise<void> {
  for (const [id, value] of [
    ['name-top', 'Ada'],
    ['body-top', 'Tell me when they answer.'],
  ]) {
    const field = $<HTMLInputElement>(element, `#${id}`)!;
    field.value = value!;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await element.updateComplete;
  $<HTMLTextAreaElement>(element, '#body-top')!.focus();
  await sendKeys({ press: 'Tab' });
  expect(root(element).activeElement?.id).to.equal('notify-top');
  await sendKeys({ press: ' ' });
  await sendKeys({ press: 'Tab' });
  expect(root(element).activeElement?.id).to.equal('email-top');
  if (email) await sendKeys({ type: email });
}

const submit = (element: LedeComments) => $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();

function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comments:')) localStorage.removeItem(key);
}

describe('<lede-comments notifications>', function () {
  // Three browsers at once against real servers: typing and axe take their time.
  this.timeout(30000);
  before(async function () {
    this.timeout(60000);
    await control('reset', { mail: true });
  });
  beforeEach(async () => {
    clearStorage();
    await control('reset', { mail: true });
  });

  it('sends the opt-in with the comment and says to check the inbox, by keyboard, axe-clean', async () => {
    const thread = newThread();
    const element = await mount(thread);
    const email = $<HTMLInputElement>(element, '#email-top')!;
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');
    expect(root(element).querySelector('label[for=email-top]')!.textContent).to.equal('Email address');
    expect(root(element).querySelector('label[for=notify-top]')!.textContent).to.equal('Email me when someone replies');
    await expect(element).to.be.accessible();
    await fill(element, 'ada@example.test');
    submit(element);
    await waitUntil(() => $(element, '.notice')?.textContent === 'Check your inbox to confirm.', 'no word of the confirmation mail');
    expect($(element, '[role=status].visually-hidden')!.textContent).to.contain('Check your inbox to confirm.');
    expect((await onServer(thread)).total).to.equal(1);
    await expect(element).to.be.accessible();
  });

  it('asks for an address when the box is checked without one, and sends nothing', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await fill(element);
    submit(element);
    await waitUntil(() => $(element, '#email-error-top'), 'no validation message');
    expect($(element, '#email-error-top')!.textContent).to.equal('Enter an email address to get replies.');
    expect($(element, '#email-top')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(element, '#email-top')!.getAttribute('aria-describedby')).to.equal('email-error-top');
    expect(root(element).activeElement?.id).to.equal('email-top');
    expect((await onServer(thread)).total).to.equal(0);
    await expect(element).to.be.accessible();
  });

  it('offers nothing without the attribute, and speaks the page’s language', async () => {
    const plain = await mount(newThread(), { notifications: false });
    expect(!!$(plain, '#notify-top')).to.equal(false);
    const arabic = await mount(newThread(), { lang: 'ar' });
    await waitUntil(() => root(arabic).querySelector('label[for=notify-top]')?.textContent === 'راسلني عندما يرد أحد', 'not in Arabic');
    expect(root(arabic).querySelector('label[for=email-top]')!.textContent).to.equal('البريد الإلكتروني');
    await expect(arabic).to.be.accessible();
  });
});

describe('<lede-comments notifications> on a server without mail', function () {
  this.timeout(30000);
  before(async function () {
    // The server restarts without mail: under load that takes a while.
    this.timeout(60000);
    clearStorage();
    await control('reset');
  });

  it('shows the server’s refusal under the address and keeps the text', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await fill(element, 'ada@example.test');
    submit(element);
    await waitUntil(() => $(element, '#email-error-top'), 'the refusal was not shown');
    expect($(element, '#email-error-top')!.textContent).to.equal('This server does not send reply notifications.');
    expect($<HTMLTextAreaElement>(element, '#body-top')!.value).to.equal('Tell me when they answer.');
    expect((await onServer(thread)).total).to.equal(0);
  });

  it('opens a refused reply again with its text, its box checked and its address', async () => {
    const thread = newThread();
    const { ids } = await control<{ ids: string[] }>('seed', { thread, comments: [{ name: 'Ann', body: 'Parent.' }] });
    const id = ids[0]!;
    const element = await mount(thread);
    $<HTMLButtonElement>(element, `[data-id="${id}"] button.reply`)!.click();
    await element.updateComplete;
    for (const [field, value] of [
      [`name-${id}`, 'Bo'],
      [`body-${id}`, 'Tell me too.'],
    ]) {
      const input = $<HTMLInputElement>(element, `#${field}`)!;
      input.value = value!;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    $<HTMLInputElement>(element, `#notify-${id}`)!.click();
    $<HTMLInputElement>(element, `#email-${id}`)!.focus();
    await sendKeys({ type: 'bo@example.test' });
    $<HTMLButtonElement>(element, `[data-id="${id}"] form button[type=submit]`)!.click();
    await waitUntil(() => $(element, `#email-error-${id}`), 'the refusal was not shown in the reply form');
    expect($(element, `#email-error-${id}`)!.textContent).to.equal('This server does not send reply notifications.');
    expect($<HTMLTextAreaElement>(element, `#body-${id}`)!.value).to.equal('Tell me too.');
    expect($<HTMLInputElement>(element, `#notify-${id}`)!.checked, 'the box stays checked').to.equal(true);
    expect($<HTMLInputElement>(element, `#email-${id}`)!.value).to.equal('bo@example.test');
    expect(root(element).activeElement?.id).to.equal(`email-${id}`);
    expect((await onServer(thread)).total).to.equal(1);
  });
});
