// The scope's case clock KPIs today ("案件时效"), one compact tile per clock along the bottom of the KPI strip: a single
// line rather than a row of full tiles, so the complaint cards keep their height on a 1366×768 wall.

import { t, tOr } from '../i18n.js';
import { fillKpiTile } from '../scoreView.js';
import { caseClocks, caseKpiResource, pushedCaseKpis } from '../caseKpis.js';

export class CaseKpiStrip {
  /** @param {HTMLElement} container the KPI strip; the group is appended to it */
  constructor(container) {
    this.group = document.createElement('div');
    this.group.className = 'wb-case-kpis';
    this.group.id = 'case-kpis';
    this.label = document.createElement('span');
    this.label.className = 'wb-case-kpis-label';
    this.group.append(this.label);
    container.append(this.group);
    /** @type {object[] | null} today's kpis list (GET …/case-kpis?window=today), null before the first load */
    this.kpis = null;
    this.tiles = new Map();
  }

  /** @param {object[] | null} kpis */
  load(kpis) {
    this.kpis = kpis;
    this.render();
  }

  /** Applies a caseKpiChanged push; false when it is another scope's. */
  apply(payload, team) {
    const kpis = pushedCaseKpis(payload, team, 'today');
    if (kpis === null) return false;
    this.load(kpis);
    return true;
  }

  render() {
    this.label.textContent = t('wallboard.caseKpis');
    this.group.title = t('wallboard.caseKpisTitle');
    for (const clock of caseClocks(this.kpis)) {
      let tile = this.tiles.get(clock);
      if (!tile) {
        tile = document.createElement('div');
        this.tiles.set(clock, tile);
        this.group.append(tile);
      }
      const kpi = caseKpiResource(this.kpis, clock);
      fillKpiTile({ key: clock, unit: 'percent' }, kpi, tile, { name: tOr(`caseClock.short.${clock}`, tOr(`caseClock.${clock}`, clock)) });
      tile.classList.add('case-kpi');
      tile.dataset.clock = clock;
      tile.title = tOr(`caseClock.${clock}`, clock);
    }
  }
}
