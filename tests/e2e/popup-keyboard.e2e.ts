import { expect, it } from 'vitest';
import type { ExtensionPage } from './harness/extension-browser';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupHosts } from './harness/popup-reader';
import { seriousViolations } from './harness/accessibility';

/** What the keyboard is on: its test id or role, the menu state, and whether the browser draws its focus ring. */
function focused(popup: ExtensionPage) {
  return popup.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const menu = el?.closest('.choice-menu');
    return {
      testId: el?.dataset.testid ?? null,
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? null,
      choice: el?.dataset.choice ?? null,
      company: el?.closest<HTMLElement>('[data-company]')?.dataset.company ?? null,
      menuOpen: menu ? !!menu.querySelector('[role="menu"]') : null,
      menuValue: (menu as HTMLElement | null)?.dataset.choiceValue ?? null,
      ring: !!el && el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none' && parseFloat(getComputedStyle(el).outlineWidth) >= 2,
    };
  });
}

const hostRows = (popup: ExtensionPage) => popup.evaluate(() => document.querySelectorAll('details.all-hosts [data-host]').length);

describeInBothBrowsers('the popup by keyboard: long lists folded, per-company menus, a visible focus', (ctx) => {
  it('a page of 14 hosts shows the top 10 and "Show all"; a company’s menu opens, moves, closes and chooses by keys alone, focus always drawn', async () => {
    const { browser, server } = ctx();
    const img = (host: string, n: string) => `<img alt="" src="${server.url(host, `/asset/${n}.png`, 'https')}">`;
    const widgets = Array.from({ length: 12 }, (_, i) => img(`cdn${i}.widgets-kbd.test`, `w${i}`)).join('');
    server.page('www.kbd-shop.test', '/', `<!doctype html><link rel="icon" href="data:,"><title>Shop</title>${widgets}${img('cdn.jsdelivr.net', 'j')}`);
    const tab = await browser.openTab(server.url('www.kbd-shop.test', '/'));
    const popup = await browser.openPopup(tab.id);
    // Read once whole (popupHosts presses "Show all" itself), then folded again below by keyboard.
    await expect.poll(async () => Object.keys(await popupHosts(popup)).length, { timeout: 10_000 }).toBe(14);
    await popup.evaluate(() => (document.querySelector<HTMLButtonElement>('[data-testid="more-hosts"]')!.focus(), undefined));
    expect(await focused(popup)).toMatchObject({ testId: 'more-hosts', ring: true });
    await popup.press('Enter'); // "Show the top 10 only": the same button folds the list back
    expect(await hostRows(popup)).toBe(10);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="more-hosts"]')!.getAttribute('aria-expanded'))).toBe('false');
    expect(await focused(popup)).toMatchObject({ testId: 'more-hosts', ring: true });
    await popup.press('Enter');
    expect(await hostRows(popup)).toBe(14);

    // The jsDelivr row's menu: ArrowDown opens it on the current choice, arrows move, Escape closes it back to
    // the button, Enter opens it again, and Enter on an item chooses it.
    // The menus come with the site's policy (policy.get), which may answer after the hosts.
    await expect.poll(() => popup.evaluate(() => !!document.querySelector('[data-company="jsDelivr"] .menu-button')), { timeout: 10_000 }).toBe(true);
    await popup.evaluate(() => (document.querySelector<HTMLButtonElement>('[data-company="jsDelivr"] .menu-button')!.focus(), undefined));
    expect(await focused(popup)).toMatchObject({ company: 'jsDelivr', role: 'button', menuOpen: false, ring: true });
    await popup.press('ArrowDown');
    await expect.poll(() => focused(popup)).toMatchObject({ role: 'menuitemradio', choice: 'default', menuOpen: true, ring: true });
    await popup.press('ArrowDown');
    expect(await focused(popup)).toMatchObject({ choice: 'allow', ring: true });
    await popup.press('End');
    expect(await focused(popup)).toMatchObject({ choice: 'block' });
    await popup.press('ArrowDown'); // wraps to the first
    expect(await focused(popup)).toMatchObject({ choice: 'default' });
    await popup.press('Escape');
    await expect.poll(() => focused(popup)).toMatchObject({ role: 'button', company: 'jsDelivr', menuOpen: false, menuValue: 'default', ring: true });
    await popup.press('Enter');
    await expect.poll(() => focused(popup)).toMatchObject({ role: 'menuitemradio', choice: 'default', menuOpen: true });
    // axe on what the accessibility suite's small page never shows: the long list unfolded, a menu open.
    expect(await seriousViolations(popup), 'popup, 14 hosts shown, menu open').toEqual([]);
    await popup.press('ArrowUp'); // wraps to the last
    await popup.press('Enter');
    await expect.poll(() => focused(popup), { timeout: 10_000 }).toMatchObject({ role: 'button', company: 'jsDelivr', menuOpen: false, menuValue: 'block', ring: true });
    await popup.close();
    await tab.close();
  });
});
