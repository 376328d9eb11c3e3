// The scope's case clock KPIs today ("案件时效"), one tile per clock. They take no row of their own: the group shares
// the KPI strip's box with the complaint KPIs, the two shown in turn (?kpiRotate=<seconds>), so the complaint cards keep
// their height. The case group joins the turn only while at least one clock has data in the board's scope; until then
// (the demo has no case events) the complaint KPIs stay put and no row of "no data" tiles is ever shown.

import { t, tOr } from '../i18n.js';
import { fillKpiTile } from '../scoreView.js';
import { caseClocks, caseKpiResource, kpiRotationGroups, pushedCaseKpis } from '../caseKpis.js';

export class CaseKpiStrip {
  /**
   * @param {HTMLElement} container the KPI strip; the group is appended to it
   * @param {{ rotateSeconds?: number }} options how long each group stays on screen
   */
  constructor(container, { rotateSeconds = 12 } = {}) {
    this.container = container;
    this.group = document.createElement('div');
    this.group.className = 'wb-case-kpis';
    this.group.id = 'case-kpis';
    this.group.hidden = true;
    this.label = document.createElement('span');
    this.label.className = 'wb-case-kpis-label';
    this.group.append(this.label);
    container.append(this.group);
    /** @type {object[] | null} today's kpis list (GET …/case-kpis?window=today), null before the first load */
    this.kpis = null;
    this.tiles = new Map();
    /** @type {'complaint' | 'case'} the group on screen */
    this.shown = 'complaint';
    this.show('complaint');
    this.timer = setInterval(() => this.rotate(), rotateSeconds * 1000);
  }

  /** The next group in turn (the complaint KPIs alone when no case clock has data). */
  rotate() {
    const groups = kpiRotationGroups(this.kpis);
    this.show(groups[(groups.indexOf(this.shown) + 1) % groups.length]);
  }

  /** @param {'complaint' | 'case'} group */
  show(group) {
    this.shown = group;
    this.group.hidden = group !== 'case';
    this.container.dataset.kpiGroup = group;
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
    // Every clock went back to "no data" (a new day, another team on a TV): the complaint KPIs take the box back.
    if (!kpiRotationGroups(this.kpis).includes(this.shown)) this.show('complaint');
  }
}
