import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_SANDBOX_PORT } from '../playwright.config';
import type { FaultSpec, RequestLogEntry } from '../shared/sandbox-control-contract';

/** The sandbox's test controls, reached directly: the app's proxy never forwards /__sandbox. */
export class SandboxControl {
  constructor(
    private readonly request: APIRequestContext,
    private readonly base: string,
  ) {}

  /**
   * Back to the seed; `seedKeys` adds that many generated keys to the default project. The app
   * server that started this sandbox forgets its jobs before the reset answers (they were about
   * the keys it recreated), so no test sees another's (e2e/v3/jobs-reset.spec.ts).
   */
  async reset(seedKeys?: number): Promise<void> {
    const options = seedKeys === undefined ? {} : { data: { seedKeys } };
    expect((await this.request.post(`${this.base}/__sandbox/reset`, options)).ok()).toBe(true);
  }

  async fault(spec: FaultSpec): Promise<void> {
    const response = await this.request.post(`${this.base}/__sandbox/faults`, { data: spec });
    expect(response.ok(), await response.text()).toBe(true);
  }

  /** The next v3 task(s), of one deployment if named, end in ERROR with `error`. */
  async failTasks(spec: { deployment?: string; error: string; times?: number }): Promise<void> {
    const response = await this.request.post(`${this.base}/__sandbox/tasks`, {
      data: { outcome: 'error', ...spec },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }

  async requests(filter?: { method?: string; path?: string }): Promise<RequestLogEntry[]> {
    const response = await this.request.get(`${this.base}/__sandbox/requests`);
    const entries = (await response.json()) as RequestLogEntry[];
    return entries.filter(
      (entry) =>
        (!filter?.method || entry.method === filter.method) &&
        (!filter?.path || entry.path === filter.path),
    );
  }

  creates(): Promise<RequestLogEntry[]> {
    return this.requests({ method: 'POST', path: '/cloud/v2/inference/api_keys' });
  }
}

export const test = base.extend<{ sandbox: SandboxControl }>({
  // Automatic: every test starts from the seed, whether or not it touches the sandbox itself.
  sandbox: [
    async ({ request }, use, testInfo) => {
      const port = Number(testInfo.project.metadata.sandboxPort ?? E2E_SANDBOX_PORT);
      const control = new SandboxControl(request, `http://127.0.0.1:${port}`);
      await control.reset();
      await use(control);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the create sheet from the page's "Create API key" button; returns the sheet. */
export async function openCreateSheet(page: Page) {
  await page.getByRole('button', { name: 'Create API key' }).click();
  const sheet = page.getByRole('dialog', { name: 'Create an API key' });
  await expect(sheet.getByRole('textbox', { name: 'Name' })).toBeVisible();
  return sheet;
}

/** Opens the page, then the create sheet once projects and deployments have loaded. */
export async function openCreateForm(page: Page): Promise<void> {
  await page.goto('/');
  await openCreateSheet(page);
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('1');
  await expect(page.getByRole('checkbox', { name: /^llama-3-8b-chat/ })).toBeVisible();
}

export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
