import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ExtensionPage } from './extension-browser';

/** One axe-core violation as the tests report it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) in an extension page and returns its serious and
 * critical violations. axe's source goes into the function the driver sends (extension pages forbid eval, and a
 * driver's own evaluation is not subject to the page's CSP).
 */
export async function seriousViolations(page: ExtensionPage): Promise<AxeViolation[]> {
  const run = new Function(
    `${axeSource}
     ;return (async () => {
       const result = await axe.run(document, { resultTypes: ['violations'] });
       return result.violations
         .filter((v) => v.impact === 'serious' || v.impact === 'critical')
         .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
     })();`,
  ) as () => Promise<AxeViolation[]>;
  return page.evaluate(run);
}

/**
 * Shows the page as under `prefers-color-scheme: dark` (or light): the media rules of its own stylesheets are
 * rewritten to match (or not), so both drivers see the same theme without a driver-specific emulation API.
 */
export function useColorScheme(page: ExtensionPage, scheme: 'light' | 'dark'): Promise<number> {
  return page.evaluate(
    new Function(
      `let changed = 0;
       const originals = (globalThis.diffuseOriginalMedia ??= new WeakMap());
       for (const sheet of document.styleSheets) {
         for (const rule of sheet.cssRules) {
           if (!(rule instanceof CSSMediaRule)) continue;
           const original = originals.get(rule) ?? rule.media.mediaText;
           if (!original.includes('prefers-color-scheme')) continue;
           originals.set(rule, original);
           rule.media.mediaText = original.includes('${scheme}') ? 'all' : 'not all';
           changed++;
         }
       }
       return changed;`,
    ) as () => number,
  );
}

/**
 * Opens every part of a page a user can open: <details>, "Show all" buttons, expandable rows; then the first
 * menu button's menu. Returns how many it opened.
 */
export function openEverything(page: ExtensionPage): Promise<number> {
  return page.evaluate(
    new Function(
      `return (async () => {
         const pause = () => new Promise((r) => setTimeout(r, 50));
         let opened = 0;
         for (const d of document.querySelectorAll('details:not([open])')) { d.querySelector('summary')?.click(); opened++; }
         await pause();
         // The popup's lists of hosts come with a second answer (a busy line until then), and bring their own "Show all".
         for (let i = 0; i < 100 && document.querySelector('[aria-busy="true"]'); i++) await pause();
         for (const b of document.querySelectorAll('button[aria-expanded="false"]:not([aria-haspopup])')) { b.click(); opened++; }
         await pause();
         const menu = document.querySelector('button[aria-haspopup="menu"]');
         if (menu) { menu.click(); opened++; }
         await pause();
         return opened;
       })();`,
    ) as () => Promise<number>,
  );
}

/**
 * The charts' text equivalents and the contrast of their text: each SVG chart with role="img" has a name and a
 * description, and each text in it at least 4.5:1 against the page background (WCAG 2.2 SC 1.4.3; axe does
 * not measure SVG text).
 */
export function chartChecks(page: ExtensionPage): Promise<{ charts: number; unnamed: number; texts: number; lowContrast: string[] }> {
  return page.evaluate(
    new Function(
      `const rgb = (c) => (c.match(/[\\d.]+/g) ?? []).slice(0, 3).map(Number);
       const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
       const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
       const background = rgb(getComputedStyle(document.body).backgroundColor);
       const charts = [...document.querySelectorAll('svg[role="img"]')];
       const unnamed = charts.filter((svg) => !(svg.querySelector('title')?.textContent ?? '').trim() || !(svg.querySelector('desc')?.textContent ?? '').trim()).length;
       const texts = charts.flatMap((svg) => [...svg.querySelectorAll('text')]);
       const lowContrast = texts
         .map((t) => [t.textContent, ratio(rgb(getComputedStyle(t).fill), background)])
         .filter(([, r]) => r < 4.5)
         .map(([text, r]) => text + ' ' + r.toFixed(2));
       return { charts: charts.length, unnamed, texts: texts.length, lowContrast };`,
    ) as () => { charts: number; unnamed: number; texts: number; lowContrast: string[] },
  );
}
