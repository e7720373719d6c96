// Starts Tandem's interface: font, styles, the root component, the self-test hook and the paint signal.
import '@fontsource-variable/atkinson-hyperlegible-next';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { emitEvent, vault } from '$lib/api';
import { t } from '$lib/i18n';
import { installSelfTest } from '$lib/selftest';
import { SCREENS } from '$lib/app-state/screens';
import { afterPaint, waitForScreen } from '$lib/ui/dom-wait';

document.title = t('app.name');

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');

// The first screen depends on the vault's status: ask for it now, so that the answer travels
// while the interface is built. The app's state handles a failure (App's onMount attaches first).
const firstStatus = vault.status();
firstStatus.catch(() => {});

mount(App, { target, props: { firstStatus } });

installSelfTest(window);

// Tell the Go side once the first real screen (not the loading state) has been painted.
waitForScreen(
  SCREENS.filter((screen) => screen !== 'loading'),
  60_000,
)
  .then(async (screen) => {
    await afterPaint();
    emitEvent('app:first-paint', { screen, pageMs: Math.round(performance.now()) });
  })
  .catch(() => {
    // Nothing to report: the loading state never ended, which the Go side notices by itself.
  });
