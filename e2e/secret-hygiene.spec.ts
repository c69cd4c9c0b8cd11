import type { Page } from '@playwright/test';
import { expect, openCreateForm, test } from './fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Everything a page keeps that a later visitor, extension or script could read back. */
async function pageStores(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const databases = await indexedDB.databases();
    const dumps: string[] = [];
    for (const { name } of databases) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const all = db.transaction(storeName).objectStore(storeName).getAll();
        dumps.push(
          await new Promise<string>(
            (resolve) => (all.onsuccess = () => resolve(JSON.stringify(all.result))),
          ),
        );
      }
      db.close();
    }
    const cacheNames = await caches.keys();
    return JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie,
      url: location.href,
      historyState: history.state as unknown,
      indexedDb: dumps,
      caches: cacheNames,
      dom: document.documentElement.outerHTML,
      title: document.title,
    });
  });
}

test('after Done the secret is nowhere the page keeps, logs or shows', async ({
  page,
  context,
}) => {
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));

  await openCreateForm(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('hygiene-check');
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your API key' });
  // Masked by dots: until asked, the secret is not even in the DOM.
  await expect(dialog.getByLabel('Secret', { exact: true })).toHaveValue('•'.repeat(32));
  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toMatch(/^[\w-]{43,}$/);
  expect(await pageStores(page)).not.toContain(secret);

  await dialog.getByRole('button', { name: 'Show secret' }).click();
  await expect(dialog.getByLabel('Secret', { exact: true })).toHaveValue(secret);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'hygiene-check' })).toBeVisible();

  const stores = await pageStores(page);
  expect(stores).not.toContain(secret);
  expect(JSON.stringify(await context.cookies())).not.toContain(secret);
  expect(JSON.stringify(await context.storageState())).not.toContain(secret);
  expect(consoleLines.join('\n')).not.toContain(secret);
  // Back and forward must not bring it back either.
  await page.goBack().catch(() => undefined);
  await page.goForward().catch(() => undefined);
  expect(await page.content()).not.toContain(secret);
});
