// The shell every view shares: translated static labels, the language switch, the server clock
// in the header, and a periodic clock re-sync (a desk or wall PC runs for weeks).

import { t, applyTranslations, currentLanguage, setLanguage, onLanguageChange } from './i18n.js';
import { syncServerClock } from './clock.js';
import { onFrame, invalidate } from './frameLoop.js';
import { formatTimeOfDay } from './format.js';

const clockResyncMs = 10 * 60_000;

/**
 * @param {object} options
 * @param {string} options.titleKey i18n key of the page title
 * @param {() => string} options.subtitle the scope text next to the title (re-read on language change)
 * @param {() => void} options.relabel re-renders the page's dynamic text after a language switch
 * @param {string} options.timeZone IANA zone of the header clock
 */
export function setUpPage({ titleKey, subtitle, relabel, timeZone }) {
  const languageSwitch = document.getElementById('lang-switch');
  const scope = document.getElementById('agent-name') ?? document.getElementById('scope');
  const serverTime = document.getElementById('server-time');

  function renderStatic() {
    applyTranslations(document);
    const text = subtitle();
    if (scope) scope.textContent = text;
    document.title = text ? `${t(titleKey)} · ${text}` : t(titleKey);
    languageSwitch.textContent = t('lang.switchTo');
    languageSwitch.lang = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  }

  languageSwitch.addEventListener('click', () => setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en'));
  onLanguageChange(() => {
    renderStatic();
    relabel();
    invalidate();
  });
  onFrame((nowMs) => {
    const text = formatTimeOfDay(nowMs, timeZone);
    if (serverTime.textContent !== text) serverTime.textContent = text;
  });
  setInterval(() => {
    syncServerClock().then(invalidate, (error) => console.warn(`[clock] resync failed: ${error.message}`));
  }, clockResyncMs);
  renderStatic();
}
