import { expect, test } from '../../fixtures/test';

const RING = 'rgb(99, 102, 241)';

/** The focused control shows the one focus style: a 2 px solid ring-coloured outline (colours may still be fading in). */
async function showsFocusStyle(el: import('@playwright/test').Locator) {
  await expect(el).toHaveCSS('outline-style', 'solid');
  await expect(el).toHaveCSS('outline-width', '2px');
  await expect(el).toHaveCSS('outline-color', RING);
}

test.describe('[CONSOLE] keyboard', () => {
  test('a skip link leads to the main content; every control shows the same focus outline', async ({ page, signIn }) => {
    await signIn({ name: 'keys' });
    await page.goto('/connectors');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await showsFocusStyle(skip);
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main-content')).toBeFocused();

    // a link, a field and a button, reached with Tab: one style
    await page.keyboard.press('Tab');
    for (let i = 0; i < 4; i++) {
      await showsFocusStyle(page.locator(':focus'));
      await page.keyboard.press('Tab');
    }
  });

  test('the connector wizard moves the focus to the next step’s heading and to the first field in error', async ({ page, signIn }) => {
    await signIn({ name: 'wizard' });
    await page.goto('/connectors/new');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByLabel('Connector Name')).toBeFocused();
    await page.getByLabel('Connector Name').fill(`Keyboard ${Date.now().toString(36)}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByLabel('Short Description')).toBeFocused();
    await page.getByLabel('Short Description').fill('Reached by keyboard.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Permissions' })).toBeFocused();
    await page.getByRole('button', { name: 'Create Connector' }).click();
    await expect(page.getByRole('checkbox', { name: 'Group Information' })).toBeFocused();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Create Connector' }).click();
    await expect(page.getByRole('heading', { name: /created$/ })).toBeFocused();
  });
});
