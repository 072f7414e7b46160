import type { ExtensionPage } from './extension-browser';

/**
 * What a user does in the popup, done through its DOM as a user would (clicks, selections). Functions run in
 * the page are built with `new Function` so the test runner's transforms cannot add helpers the page lacks.
 */
function inPage<T>(popup: ExtensionPage, body: string): Promise<T> {
  return popup.evaluate(new Function(`return (async () => { ${body} })();`) as () => Promise<T>);
}

/** Picks a protection mode for the popup's site and waits until the popup shows it applied. */
export async function choosePolicyMode(popup: ExtensionPage, mode: 'default' | 'off' | 'strict'): Promise<void> {
  await waitFor(popup, `document.querySelector('input[name="policy"][value="${mode}"]') !== null`);
  await inPage(popup, `document.querySelector('input[name="policy"][value="${mode}"]').click();`);
  await waitFor(popup, `document.querySelector('[data-testid="reload"]') !== null && document.querySelector('input[name="policy"][value="${mode}"]').checked`);
}

/**
 * Chooses allow/block/default for one company row, as a user does: opens the row's menu with its button, picks
 * the item, then waits for the popup to confirm the change.
 */
export async function chooseCompany(popup: ExtensionPage, company: string, choice: 'allow' | 'block' | 'default'): Promise<void> {
  const menu = `document.querySelector('[data-company="${company}"] .company-choice')`;
  await waitFor(popup, `${menu} !== null`);
  await inPage(popup, `${menu}.querySelector('button.menu-button').click();`);
  await waitFor(popup, `${menu}.querySelector('[role="menuitemradio"][data-choice="${choice}"]') !== null`);
  await inPage(popup, `${menu}.querySelector('[role="menuitemradio"][data-choice="${choice}"]').click();`);
  await waitFor(popup, `document.querySelector('[data-testid="reload"]') !== null && ${menu}.dataset.choiceValue === '${choice}'`);
}

/** Opens "Does a domain belong to this site?" and clicks "Belongs to the site" on `domain`'s row. */
export async function markDomainAsSite(popup: ExtensionPage, domain: string): Promise<void> {
  await waitFor(popup, `document.querySelector('[data-testid="own-domain-choice"] summary') !== null`);
  await inPage(popup, `const d = document.querySelector('[data-testid="own-domain-choice"]'); if (!d.open) d.querySelector('summary').click();`);
  const button = `document.querySelector('[data-testid="own-domain-choice"] li[data-domain="${domain}"] button')`;
  await waitFor(popup, `${button} !== null`);
  await inPage(popup, `${button}.click();`);
}

/** Clicks the popup's "Reload the page to apply". */
export function clickReload(popup: ExtensionPage): Promise<void> {
  return inPage(popup, `document.querySelector('[data-testid="reload"]').click();`);
}

async function waitFor(popup: ExtensionPage, condition: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await inPage<boolean>(popup, `return ${condition};`).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`popup: timed out waiting for ${condition}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
