// Agent tiles of the wall board: each agent's rolling score (today, or the board's ?window=) with
// its total's band, best first, as many as fit whole above the ticker.

import { t } from '../i18n.js';
import { formatScore, totalBand } from '../score.js';
import { bandChip } from '../scoreView.js';
import { sortRows } from '../table.js';

export class AgentTiles {
  /**
   * @param {HTMLElement} container
   * @param {HTMLElement} more the "+N more agents" line
   * @param {{ team: string | null, window?: string }} scope
   */
  constructor(container, more, scope) {
    this.container = container;
    this.more = more;
    this.scope = scope;
    /** @type {Map<string, object>} agent id → AgentScoreSummary (or scorecard) with teamId */
    this.agents = new Map();
    this.capacity = 12;
    /** The edges that grade totals (from the board), for pushed scorecards that carry no band. */
    this.edges = null;
  }

  /** Replaces every agent's score (after a (re)connect). @param {object[]} summaries @param {object | null} [edges] */
  load(summaries, edges = null) {
    this.edges = edges ?? this.edges;
    this.agents.clear();
    for (const summary of summaries) this.agents.set(summary.agentId, summary);
  }

  /** Applies a scoreChanged push; only the board's window and scope count. */
  upsert(scorecard) {
    if (scorecard?.window !== (this.scope.window ?? 'today')) return false;
    if (this.scope.team && scorecard.teamId !== this.scope.team) return false;
    this.agents.set(scorecard.agentId, scorecard);
    return true;
  }

  render() {
    const ordered = sortRows([...this.agents.values()], (a) => a.total, 'desc', (a) => a.agentId);
    const shown = ordered.slice(0, this.capacity);
    const tiles = shown.map((agent) => {
      const tile = document.createElement('div');
      const band = totalBand(agent, this.edges);
      tile.className = `agent-tile score-${band ?? 'none'}`;
      tile.dataset.agentId = agent.agentId;
      const id = document.createElement('span');
      id.className = 'agent-id';
      id.textContent = agent.agentId;
      // The id's type shrinks with its length (monospace columns) so it is whole on one line.
      id.style.setProperty('--chars', String(Math.max(8, String(agent.agentId).length)));
      const total = document.createElement('span');
      total.className = 'agent-total';
      total.textContent = formatScore(agent.total);
      const detail = document.createElement('span');
      detail.className = 'agent-detail';
      // Without a graded total, say what the number covers instead of inventing a band.
      if (band) detail.append(bandChip(band));
      else if (agent.total === null || agent.total === undefined) detail.textContent = t('score.noData');
      else detail.textContent = t('score.coveredShort', { covered: agent.coveredDimensions?.length ?? 0, total: agent.dimensions?.length ?? 0 });
      tile.append(id, total, detail);
      return tile;
    });
    if (tiles.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'agents-empty';
      empty.textContent = t('wallboard.agentsEmpty');
      tiles.push(empty);
    }
    this.container.replaceChildren(...tiles);
    this.fit();
  }

  /**
   * Shows the best agents whose tiles fit whole (the ticker below keeps its room) and counts the rest in the "more"
   * line. The line is measured as shown, so hiding it when nobody is left out only frees room.
   */
  fit() {
    const tiles = [...this.container.querySelectorAll('.agent-tile')];
    for (const tile of tiles) tile.hidden = false;
    this.more.hidden = false;
    this.more.textContent = t('wallboard.agentsMore', { count: this.agents.size });
    const bottom = this.container.getBoundingClientRect().bottom;
    let full = false;
    let shown = 0;
    for (const tile of tiles) {
      full ||= tile.getBoundingClientRect().bottom > bottom + 0.5;
      tile.hidden = full;
      if (!full) shown++;
    }
    const hidden = this.agents.size - shown;
    this.more.hidden = hidden <= 0;
    this.more.textContent = hidden > 0 ? t('wallboard.agentsMore', { count: hidden }) : '';
  }
}
