// Grid shape for n cards in a fixed area: the shape whose cards are largest (judged by the
// size a countdown can take in them) wins, so 40 complaints fit on one 1920×1080 screen
// without scrolling and a handful get large cards.

/** Cards look best a little wider than tall; the countdown is a wide line of digits. */
const preferredAspect = 1.35;
const gapPx = 14;
const minColumns = 3;
const minRows = 2;

/**
 * @param {number} count number of cards
 * @param {number} width available width in px
 * @param {number} height available height in px
 * @returns {{ columns: number, rows: number }}
 */
export function fitGrid(count, width, height) {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: minColumns, rows: minRows };
  let best = { columns: 1, rows: count, score: -1 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellWidth = (width - gapPx * (columns - 1)) / columns;
    const cellHeight = (height - gapPx * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    // The usable card is limited by whichever side is short relative to the preferred shape.
    const score = Math.min(cellWidth, cellHeight * preferredAspect);
    if (score > best.score) best = { columns, rows, score };
  }
  // A few cards should not become giant tiles: never fewer cells than a 3×2 grid.
  const columns = Math.max(best.columns, minColumns);
  return { columns, rows: Math.max(Math.ceil(count / columns), minRows) };
}

/**
 * Smallest card, in px at a 1920-wide screen, that keeps a breached or warned card readable at 5 m
 * (id ≥ 24 px, time ≥ 48 px, full escalation badge); other cards may be smaller.
 */
export const cardMinimum = Object.freeze({ large: { width: 330, height: 190 }, small: { width: 140, height: 80 } });

/** The widest grid tried; more columns would only make cells thinner than a small card. */
const maxColumns = 24;

/**
 * Places cards in a grid where breached and warned ("large") cards take 2×2 cells and the others one
 * cell, first-fit in order (holes are filled by later cards), choosing the column count that makes
 * cells largest while every large card keeps its minimum size. When not everything fits, the least
 * urgent small cards are left out first, then large ones from the end, and the caller says "+N more".
 * @param {boolean[]} large per card in display order, whether it is a large card
 * @param {number} width available width in px
 * @param {number} height available height in px
 * @param {{ scale?: number, minimum?: typeof cardMinimum, gap?: number }} [options] scale multiplies the minimums (smaller screens)
 * @returns {{ columns: number, rows: number, placements: ({ column: number, row: number, span: number } | null)[] }}
 *   placements[i] is null for a card left out; column and row count from 0.
 */
export function planBoard(large, width, height, { scale = 1, minimum = cardMinimum, gap = gapPx } = {}) {
  const none = () => large.map(() => null);
  if (large.length === 0 || width <= 0 || height <= 0) return { columns: minColumns, rows: minRows, placements: none() };
  const smalls = large.map((isLarge, i) => (isLarge ? -1 : i)).filter((i) => i >= 0);
  const larges = large.map((isLarge, i) => (isLarge ? i : -1)).filter((i) => i >= 0);
  const minLarge = { width: minimum.large.width * scale, height: minimum.large.height * scale };
  const minSmall = { width: minimum.small.width * scale, height: minimum.small.height * scale };

  // Candidate sets, best first: every card; then fewer small cards; then fewer large ones.
  const candidates = [];
  for (let s = smalls.length; s >= 0; s--) candidates.push([...larges, ...smalls.slice(0, s)]);
  for (let l = larges.length - 1; l >= 1; l--) candidates.push(larges.slice(0, l));
  for (const candidate of candidates) {
    const chosen = candidate.sort((a, b) => a - b);
    const best = bestGrid(chosen.map((i) => (large[i] ? 2 : 1)), width, height, gap, minLarge, minSmall, larges.length > 0);
    if (!best) continue;
    const placements = none();
    chosen.forEach((index, k) => { placements[index] = best.placements[k]; });
    return { columns: best.columns, rows: best.rows, placements };
  }
  return { columns: minColumns, rows: minRows, placements: none() };
}

function bestGrid(spans, width, height, gap, minLarge, minSmall, anyLarge) {
  let best = null;
  // With large cards, a 2×2 card is at most a third of the width and half the height (the 3×2 rule in cells).
  const fewestColumns = anyLarge ? 2 * minColumns : minColumns;
  const fewestRows = anyLarge ? 2 * minRows : minRows;
  for (let columns = Math.max(2, fewestColumns); columns <= maxColumns; columns++) {
    const packed = pack(spans, columns);
    if (!packed) continue;
    const rows = Math.max(packed.rows, fewestRows);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (spans.includes(1) && (cellWidth < minSmall.width || cellHeight < minSmall.height)) continue;
    if (spans.includes(2) && (2 * cellWidth + gap < minLarge.width || 2 * cellHeight + gap < minLarge.height)) continue;
    const score = Math.min(cellWidth, cellHeight * preferredAspect);
    if (!best || score > best.score) best = { columns, rows, placements: packed.placements, score };
  }
  return best;
}

/** First-fit, row by row, of items of span×span cells in a grid of the given width; null when an item is wider. */
export function pack(spans, columns) {
  const taken = [];
  const free = (row, column, span) => {
    for (let r = row; r < row + span; r++) {
      for (let c = column; c < column + span; c++) if (taken[r]?.[c]) return false;
    }
    return true;
  };
  const placements = [];
  let rows = 0;
  for (const span of spans) {
    if (span > columns) return null;
    let placed = null;
    for (let row = 0; !placed; row++) {
      for (let column = 0; column + span <= columns; column++) {
        if (free(row, column, span)) { placed = { column, row, span }; break; }
      }
    }
    for (let r = placed.row; r < placed.row + span; r++) {
      taken[r] ??= [];
      for (let c = placed.column; c < placed.column + span; c++) taken[r][c] = true;
    }
    rows = Math.max(rows, placed.row + span);
    placements.push(placed);
  }
  return { rows, placements };
}
