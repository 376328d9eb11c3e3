// Labels of every dashboard in zh-CN (default) and English. The choice comes from ?lang=,
// then from what the user picked last time (localStorage), then the default.

import zhCN from './i18n/zh-CN.js';
import en from './i18n/en.js';

const dictionaries = { 'zh-CN': zhCN, en };
export const defaultLanguage = 'zh-CN';
const storageKey = 'realtime.lang';
const listeners = new Set();

/** Maps what people type in ?lang= ("zh", "zh-cn", "EN", "en-US") to a supported language, or null. */
export function normaliseLanguage(value) {
  if (typeof value !== 'string') return null;
  const lower = value.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

function initialLanguage() {
  if (typeof window === 'undefined') return defaultLanguage;
  const fromQuery = normaliseLanguage(new URLSearchParams(window.location.search).get('lang'));
  if (fromQuery) {
    remember(fromQuery);
    return fromQuery;
  }
  try {
    return normaliseLanguage(window.localStorage.getItem(storageKey)) ?? defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

function remember(language) {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be disabled (kiosk mode); the choice then lasts for this page only.
  }
}

let language = initialLanguage();

/** The language labels are currently shown in ("zh-CN" or "en"). */
export function currentLanguage() {
  return language;
}

/**
 * The label for a key with {placeholders} filled in. A missing key shows as the key itself,
 * so a gap is visible instead of silently blank.
 * @param {string} key
 * @param {Record<string, string | number>} [params]
 */
export function t(key, params) {
  const template = dictionaries[language][key] ?? dictionaries[defaultLanguage][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The label for a key if one exists, else the fallback (for free-form values such as categories). */
export function tOr(key, fallback) {
  return key in dictionaries[language] ? dictionaries[language][key] : fallback;
}

/** Switches language, remembers it and tells every listener so it can re-render. */
export function setLanguage(next) {
  const normalised = normaliseLanguage(next);
  if (!normalised || normalised === language) return;
  language = normalised;
  remember(language);
  if (typeof document !== 'undefined') applyTranslations(document);
  for (const listener of listeners) listener(language);
}

/** @param {(language: string) => void} listener */
export function onLanguageChange(listener) {
  listeners.add(listener);
}

/**
 * Fills every element carrying data-i18n="key" (and data-i18n-title) under root, and sets
 * the document's lang so fonts and screen readers follow.
 * @param {ParentNode} root
 */
export function applyTranslations(root) {
  if (root === document) document.documentElement.lang = language;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-title]')) element.title = t(element.dataset.i18nTitle);
}

/** Whether both dictionaries have exactly the same keys (used by the front-end unit tests). */
export function missingKeys() {
  const zhKeys = Object.keys(zhCN);
  const enKeys = Object.keys(en);
  return {
    inEnglish: zhKeys.filter((k) => !(k in en)),
    inChinese: enKeys.filter((k) => !(k in zhCN)),
  };
}
