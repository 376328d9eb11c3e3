// The agent's own scorecard: total, dimensions, and every indicator with its band and what would lift it.

import { t, currentLanguage } from '../i18n.js';
import { formatIndicatorValue, formatScore, liftHint, totalBand } from '../score.js';
import { bandChip } from '../scoreView.js';

/** The label of a {zh, en} pair in the current language. */
export function localLabel(label, fallback = '') {
  if (!label) return fallback;
  return (currentLanguage() === 'en' ? label.en : label.zh) ?? label.zh ?? label.en ?? fallback;
}

/**
 * The text of an indicator's lift hint.
 * @param {object} indicator an IndicatorResource
 */
export function liftText(indicator) {
  const hint = liftHint(indicator);
  if (hint.kind === 'noData') return t('score.lift.noData');
  if (hint.kind === 'top') return t('score.lift.top');
  const band = t(`score.band.${hint.band}`);
  if (hint.edge === undefined) return t('score.lift.next', { band });
  return t('score.lift.nextAt', { band, comparison: hint.comparison, edge: formatIndicatorValue(hint.edge, indicator.unit) });
}

/**
 * Renders a ScorecardResource (or the "no events yet" state for null) into container.
 * @param {HTMLElement} container
 * @param {object | null} scorecard
 * @param {{ excellent: number, good: number, pass: number } | null} [edges] grade a pushed total (pushes carry no band)
 */
export function renderScorecard(container, scorecard, edges = null) {
  if (!scorecard) {
    const empty = document.createElement('p');
    empty.className = 'notice';
    empty.textContent = t('score.notFound');
    container.replaceChildren(empty);
    return;
  }
  const head = document.createElement('div');
  head.className = 'score-head';
  const total = document.createElement('div');
  total.className = 'score-total';
  total.innerHTML = '<span class="score-total-label"></span><span class="score-total-value"></span>';
  total.querySelector('.score-total-label').textContent = t('score.total');
  total.querySelector('.score-total-value').textContent = formatScore(scorecard.total);
  const band = totalBand(scorecard, scorecard.totalBands ?? edges);
  if (band) total.append(bandChip(band));
  const covered = scorecard.dimensions.filter((d) => scorecard.coveredDimensions.includes(d.id)).map((d) => localLabel(d.label, d.id));
  const covers = document.createElement('p');
  covers.className = 'score-covers';
  covers.textContent = covered.length ? t('score.covers', { dimensions: covered.join('、') }) : t('score.coversNone');
  head.append(total, covers);

  const dimensions = document.createElement('div');
  dimensions.className = 'score-dimensions';
  for (const d of scorecard.dimensions) {
    const item = document.createElement('div');
    item.className = `score-dimension${d.score === null ? ' is-empty' : ''}`;
    item.dataset.dimension = d.id;
    item.innerHTML = '<span class="sd-name"></span><span class="sd-score"></span><span class="sd-weight"></span><span class="sd-bar"><span></span></span>';
    item.querySelector('.sd-name').textContent = localLabel(d.label, d.id);
    item.querySelector('.sd-score').textContent = d.score === null ? t('score.noData') : formatScore(d.score);
    item.querySelector('.sd-weight').textContent = t('score.weight', { weight: formatScore(d.weight) });
    item.querySelector('.sd-bar > span').style.width = `${Math.max(0, Math.min(100, d.score ?? 0))}%`;
    dimensions.append(item);
  }

  const table = document.createElement('table');
  table.className = 'indicator-table';
  const headRow = table.createTHead().insertRow();
  for (const key of ['indicator', 'value', 'band', 'points', 'lift']) {
    const th = document.createElement('th');
    th.textContent = t(`score.col.${key}`);
    headRow.append(th);
  }
  const body = table.createTBody();
  let lastDimension = null;
  for (const indicator of scorecard.indicators) {
    if (indicator.dimension !== lastDimension) {
      lastDimension = indicator.dimension;
      const dimension = scorecard.dimensions.find((d) => d.id === indicator.dimension);
      const group = body.insertRow();
      group.className = 'indicator-group';
      const cell = group.insertCell();
      cell.colSpan = 5;
      cell.textContent = localLabel(dimension?.label, indicator.dimension);
    }
    const row = body.insertRow();
    row.dataset.indicator = indicator.id;
    row.dataset.band = indicator.band ?? 'none';
    const name = row.insertCell();
    name.textContent = localLabel(indicator.label, indicator.id);
    const source = document.createElement('span');
    source.className = `source source-${indicator.source}`;
    source.textContent = t(`score.source.${indicator.source}`);
    name.append(' ', source);
    row.insertCell().textContent = formatIndicatorValue(indicator.value, indicator.unit);
    row.insertCell().append(bandChip(indicator.band));
    row.insertCell().textContent = indicator.points === null ? '—' : formatScore(indicator.points);
    const lift = row.insertCell();
    lift.className = 'lift';
    lift.textContent = liftText(indicator);
  }
  container.replaceChildren(head, dimensions, table);
}
