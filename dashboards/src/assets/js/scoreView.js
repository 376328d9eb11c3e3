// DOM pieces shared by the views for scores and KPIs: a band label (colour AND words) and a KPI tile.

import { t } from './i18n.js';
import { kpiStatus, formatKpiValue, goalSign } from './kpis.js';

/**
 * A scorecard band as a coloured, labelled chip; "no data" when band is null.
 * @param {string | null} band
 * @param {string} [extra] text after the band name (e.g. a count)
 */
export function bandChip(band, extra = '') {
  const chip = document.createElement('span');
  chip.className = `score-band score-band-${band ?? 'none'}`;
  chip.dataset.band = band ?? 'none';
  chip.textContent = (band ? t(`score.band.${band}`) : t('score.noData')) + (extra ? ` ${extra}` : '');
  return chip;
}

/**
 * A KPI tile: name, value, target and met/missed in words. Reuses element when given.
 * @param {{ key: string, unit: string }} entry a kpiCatalog entry
 * @param {object | null} kpi the KpiResource ({ value, target, goal, met })
 * @param {HTMLElement} [element]
 * @param {{ name?: string }} [options] a name other than the catalogue's (kpi.{key}): a case clock's
 */
export function fillKpiTile(entry, kpi, element = document.createElement('div'), { name } = {}) {
  const status = kpiStatus(kpi);
  element.className = `kpi kpi-${status}`;
  element.dataset.kpi = entry.key;
  element.dataset.status = status;
  const target = kpi?.target === null || kpi?.target === undefined
    ? t('kpi.noTarget')
    : t('kpi.target', { sign: goalSign(kpi), target: formatKpiValue(kpi.target, entry.unit) });
  element.replaceChildren(
    span('kpi-name', name ?? t(`kpi.${entry.key}`)),
    span('kpi-value', formatKpiValue(kpi?.value ?? null, entry.unit)),
    span('kpi-target', target),
    span('kpi-status', t(`kpi.status.${status}`)),
  );
  return element;
}

function span(className, text) {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = text;
  return node;
}
